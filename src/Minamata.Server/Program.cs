using Minamata.Server;

var app = await ServerApp.CreateAsync(args);
await app.RunAsync();
