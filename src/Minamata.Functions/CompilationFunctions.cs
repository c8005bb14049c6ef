using Microsoft.Azure.Functions.Worker;
using Minamata.Reporting.Compilation;
using Minamata.Reporting.Storage;

namespace Minamata.Functions;

/// <summary>Runs each compilation the API queued; the host retries a failing message and then moves it to the poison queue.</summary>
public sealed class CompilationFunctions(CompilationRunner runner)
{
    [Function("RunCompilation")]
    public Task RunCompilation(
        [QueueTrigger(StorageNames.CompilationQueue, Connection = StorageNames.ConnectionName)] string compilationId,
        CancellationToken cancellationToken) =>
        runner.RunAsync(compilationId, cancellationToken);

    /// <summary>
    /// A message the host gave up on (five failed deliveries) lands in the poison queue: the
    /// compilation is marked failed, as the server's queue loop does, instead of staying queued.
    /// </summary>
    [Function("FailPoisonedCompilation")]
    public Task FailPoisonedCompilation(
        [QueueTrigger(StorageNames.CompilationPoisonQueue, Connection = StorageNames.ConnectionName)] string compilationId,
        CancellationToken cancellationToken) =>
        runner.GiveUpAsync(compilationId, "The compilation could not run on any of its attempts (storage did not answer or the worker stopped); start it again.", cancellationToken);
}
