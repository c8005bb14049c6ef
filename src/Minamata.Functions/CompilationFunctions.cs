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
}
