namespace Minamata.Integration.Tests;

/// <summary>
/// Every integration test shares one Azurite and one self-hosted server on it, started once for
/// the assembly; tests keep apart by registering partners of their own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class StorageCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "storage";
}
