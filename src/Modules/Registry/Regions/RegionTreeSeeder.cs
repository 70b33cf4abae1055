using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Bangfu.Registry.Regions;

/// <summary>On first start, loads the vendored 2023 edition of the region tree into an empty region table.</summary>
internal sealed class RegionTreeSeeder(AppDbContext db, RegionTreeLoader loader, ILogger<RegionTreeSeeder> logger) : IDatabaseSeeder
{
    public int Order => 10;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Region>().AnyAsync(cancellationToken)) return;
        logger.LogInformation("Loading the region tree (edition {Edition}) from {Directory}", RegionTreeLoader.VendoredEdition, RegionTreeLoader.VendoredDirectory);
        await loader.LoadAsync(RegionTreeLoader.VendoredDirectory, RegionTreeLoader.VendoredEdition, cancellationToken);
    }
}
