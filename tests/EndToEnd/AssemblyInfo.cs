using Xunit;

// Browser, node and TypeScript-compiler runs are each CPU-heavy; side by side on a 2-core machine they starved the
// demo client's live updates past their waits. One test class at a time keeps the waits meaningful.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
