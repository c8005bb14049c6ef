using Minamata.LoadTest;

// Usage (from the repository root):
//   dotnet run -c Release --project benchmarks/Minamata.LoadTest -- [uploads] [clients] [kilobytes] [rounds] [warm-up uploads]
//   dotnet run -c Release --project benchmarks/Minamata.LoadTest -- search [reports] [clients] [seconds]
//   dotnet run -c Release --project benchmarks/Minamata.LoadTest -- large [megabytes]
var limit = TimeSpan.FromMinutes(10);
return args switch
{
    ["search", ..] => await SearchLoad.RunAsync(Number(args, 1, 1000), Number(args, 2, 20), Number(args, 3, 20), limit),
    ["large", ..] => await LargeUpload.RunAsync(Number(args, 1, 200), limit),
    _ => await UploadLoad.RunAsync(Number(args, 0, 1000), Number(args, 1, 20), Number(args, 2, 50), Number(args, 3, 3), Number(args, 4, 100, min: 0), limit),
};

static int Number(string[] args, int index, int fallback, int min = 1) =>
    args.Length > index && int.TryParse(args[index], out var value) && value >= min && value <= 1_000_000 ? value : fallback;
