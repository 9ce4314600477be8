namespace CleanBackend.Application.UnitTests; public class Placeholder{}
