namespace CleanBackend.Architecture.Tests; public class Placeholder{}
