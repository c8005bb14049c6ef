namespace Minamata.Reporting.Intake;

/// <summary>
/// What waiters for a change of state kept under a lock await: <see cref="Next"/>, read under the
/// lock, completes at the next <see cref="Raise"/>, made under the lock too. The waiters go on off
/// the raising thread, which still holds the lock.
/// </summary>
internal sealed class StateChanged
{
    private TaskCompletionSource next = New();

    public Task Next => next.Task;

    public void Raise()
    {
        var raised = next;
        next = New();
        raised.TrySetResult();
    }

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
