namespace Minamata.Integration.Tests;

/// <summary>A clock that fails while told to: a fault deep inside a handler, as a bug would cause.</summary>
public sealed class FailingClock : TimeProvider
{
    public volatile bool Failing;

    public override DateTimeOffset GetUtcNow() => Failing ? throw new InvalidOperationException($"{nameof(FailingClock)} failed on purpose.") : base.GetUtcNow();
}
