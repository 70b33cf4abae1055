using Bangfu.Hosting;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Migrations.Postgres;

/// <summary>Builds the context for `dotnet ef migrations add` with the same composition as the hosts.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Database:Provider"] = "Postgres",
                ["ConnectionStrings:Bangfu"] = "Host=localhost;Database=bangfu_design",
                ["Bangfu:DataDirectory"] = Path.Combine(Path.GetTempPath(), "bangfu-design-time"),
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddBangfu(configuration).BuildServiceProvider();
        return services.CreateScope().ServiceProvider.GetRequiredService<AppDbContext>();
    }
}
