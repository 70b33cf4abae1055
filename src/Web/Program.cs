using Bangfu.Hosting;
using Bangfu.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);
// The fixed local address of the README, unless --urls, ASPNETCORE_URLS or Urls say otherwise.
if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls("http://localhost:5080");
builder.AddBangfuLogging();
builder.Services.AddBangfu(builder.Configuration);
builder.Services.AddBangfuWeb();

var app = builder.Build();
await app.Services.InitialiseBangfuAsync();
app.UseBangfuWeb();
await app.RunAsync();

/// <summary>Entry point; public so functional tests can host it with WebApplicationFactory.</summary>
public partial class Program;
