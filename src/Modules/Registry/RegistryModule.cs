using Bangfu.Platform;
using Bangfu.Platform.Data;
using Bangfu.Registry.Regions;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Registry;

public static class RegistryModule
{
    /// <summary>Regions, households, people, code lists, roster import and export, data-quality rules.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services)
    {
        services.AddModelAssembly(typeof(RegistryModule).Assembly);
        services.AddSingleton<RegionDirectory>();
        services.AddScoped<RegionTreeLoader>();
        services.AddScoped<IDatabaseSeeder, RegionTreeSeeder>();
        services.AddSingleton<PlaceResolver>();
        services.AddSingleton<RosterImport.RosterRowParserFactory>();
        services.AddScoped<RosterImport.RosterImportService>();
        services.AddScoped<Contracts.IPersonDirectory, People.PersonDirectory>();
        services.AddScoped<Contracts.IPersonContacts, People.PersonContacts>();
        services.AddScoped<Contracts.IPersonMatcher, People.PersonMatcher>();
        services.AddScoped<People.PeopleService>();
        services.AddScoped<People.IdNumberLookup>();
        services.AddScoped<DataQuality.QualityIssueService>();
        services.AddScoped<RosterExport.RosterReader>();
        services.AddScoped<RosterExport.RosterExportService>();
        // The identifiers encrypted at rest, for key rotation (keys reencrypt).
        services.AddEncryptedColumn(new("reg_person", "id_number_cipher", ["county_code", "id"]));
        services.AddEncryptedColumn(new("reg_person", "phone_cipher", ["county_code", "id"]));
        services.AddEncryptedColumn(new("reg_household", "phone_cipher", ["county_code", "id"]));
        return services;
    }
}
