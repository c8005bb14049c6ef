namespace Minamata.Integration.Tests;

/// <summary>A clock the tests can move: real time plus an offset, so storage and timers still see time pass.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan offset;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;

    /// <summary>Sets the clock to <paramref name="now"/>, from which it runs on.</summary>
    public void Set(DateTimeOffset now) => offset = now - base.GetUtcNow();

    public void Reset() => offset = TimeSpan.Zero;
}
