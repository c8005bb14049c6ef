using Minamata.Reporting.Access;
using Minamata.Server.Azurite;

namespace Minamata.Server;

/// <summary>
/// In the Development environment a server without <c>Minamata__SecretariatKey</c> makes a key,
/// keeps it in <c>.data/secretariat-key</c> (so it survives restarts with the embedded data) and
/// prints it. Anywhere else a missing key stops the server at start.
/// </summary>
internal static class DevelopmentKey
{
    public static void AddWhenNotConfigured(WebApplicationBuilder builder)
    {
        var setting = AccessOptions.Section + ":" + nameof(AccessOptions.SecretariatKey);
        if (!builder.Environment.IsDevelopment() || !string.IsNullOrEmpty(builder.Configuration[setting]))
        {
            return;
        }

        var file = Path.Combine(AzuriteLauncher.FindRepositoryRoot(AppContext.BaseDirectory), ".data", "secretariat-key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, ApiKeys.NewKey());
        }

        var key = File.ReadAllText(file).Trim();
        builder.Configuration[setting] = key;
        Console.WriteLine($"Development secretariat key (kept in {file}): {key}");
    }
}
