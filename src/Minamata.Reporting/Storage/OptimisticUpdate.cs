namespace Minamata.Reporting.Storage;

/// <summary>
/// Optimistic concurrency on rows with an ETag, in one place: decide the change from the row as
/// read, write it only if nobody changed the row since, otherwise read it again and decide again.
/// The intake's verdicts, attempts and superseding and the compilations' outcomes all go through it.
/// </summary>
internal static class OptimisticUpdate
{
    private const int MaxConflicts = 10;

    /// <param name="current">The row as last read.</param>
    /// <param name="change">The row to write instead of this one; null to leave it as it is.</param>
    /// <param name="tryWrite">Writes a row if its ETag still holds; null when someone changed it first.</param>
    /// <param name="reread">The row as it is now; null once it is gone.</param>
    /// <param name="what">The row, for the error when it keeps changing.</param>
    public static async Task<Outcome<T>> ApplyAsync<T>(T current, Func<T, T?> change, Func<T, Task<T?>> tryWrite, Func<Task<T?>> reread, string what)
        where T : class
    {
        for (var conflict = 0; conflict < MaxConflicts; conflict++)
        {
            if (change(current) is not { } changed)
            {
                return new Outcome<T>(current, Written: false);
            }

            if (await tryWrite(changed) is { } written)
            {
                return new Outcome<T>(written, Written: true);
            }

            if (await reread() is not { } again)
            {
                return new Outcome<T>(null, Written: false);
            }

            current = again;
        }

        throw new InvalidOperationException($"{what} kept changing while being written; it will be tried again.");
    }

    /// <summary>The row written, or as found when the change was not wanted (null if it is gone).</summary>
    public sealed record Outcome<T>(T? Row, bool Written);
}
