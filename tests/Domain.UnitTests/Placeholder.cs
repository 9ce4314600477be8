namespace CleanBackend.Domain.UnitTests; public class Placeholder{}
