namespace CleanBackend.Infrastructure.IntegrationTests; public class Placeholder{}
