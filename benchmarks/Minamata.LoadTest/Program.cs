using Minamata.LoadTest;

// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/Minamata.LoadTest -- [uploads] [clients] [kilobytes] [rounds]
//   dotnet run -c Release --project benchmarks/Minamata.LoadTest -- search [reports] [clients] [seconds]
//   dotnet run -c Release --project benchmarks/Minamata.LoadTest -- large [megabytes]
var limit = TimeSpan.FromMinutes(10);
return args switch
{
    ["search", ..] => await SearchLoad.RunAsync(Number(args, 1, 1000), Number(args, 2, 20), Number(args, 3, 20), limit),
    ["large", ..] => await LargeUpload.RunAsync(Number(args, 1, 200), limit),
    _ => await UploadLoad.RunAsync(Number(args, 0, 1000), Number(args, 1, 20), Number(args, 2, 50), Number(args, 3, 3), limit),
};

static int Number(string[] args, int index, int fallback) =>
    args.Length > index && int.TryParse(args[index], out var value) && value is > 0 and <= 1_000_000 ? value : fallback;
