using Minamata.LoadTest;

// Usage: dotnet run -c Release --project benchmarks/Minamata.LoadTest -- [uploads] [clients] [kilobytes]
var uploads = args.Length > 0 ? int.Parse(args[0]) : 1000;
var clients = args.Length > 1 ? int.Parse(args[1]) : 20;
var kilobytes = args.Length > 2 ? int.Parse(args[2]) : 50;
if (uploads is < 1 or > 100_000 || clients is < 1 or > 500 || kilobytes is < 1 or > 300_000)
{
    Console.Error.WriteLine("minamata-load: uploads 1-100000, clients 1-500, kilobytes 1-300000");
    return 64;
}

return await UploadLoad.RunAsync(uploads, clients, kilobytes, TimeSpan.FromMinutes(10));
