using System.IO.Compression;
using System.Text;
using Sylvan.Data.Csv;

namespace Bangfu.Cli.Generate;

/// <summary>A division as the statistical data names it: code (2, 4, 6, 9 or 12 digits) and official name.</summary>
internal sealed record Division(string Code, string Name);

/// <summary>
/// The region tree as the vendored files give it (Registry/Regions/Data, copied beside the program under
/// <c>regions/</c>; see SOURCE.md there): provinces, cities and counties in memory (3,351 rows), townships and
/// villages streamed from their gzipped files and kept only for the codes a caller asks for.
/// </summary>
internal sealed class RegionCatalogue
{
    private readonly string directory;
    private readonly Dictionary<string, List<Division>> citiesByProvince;
    private readonly Dictionary<string, List<Division>> areasByCity;

    private RegionCatalogue(string directory, List<Division> provinces, List<Division> cities, List<Division> areas)
    {
        this.directory = directory;
        Provinces = provinces.ToDictionary(p => p.Code, StringComparer.Ordinal);
        Cities = cities.ToDictionary(c => c.Code, StringComparer.Ordinal);
        Areas = areas.ToDictionary(a => a.Code, StringComparer.Ordinal);
        citiesByProvince = cities.GroupBy(c => c.Code[..2]).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Code, StringComparer.Ordinal).ToList());
        areasByCity = areas.GroupBy(a => a.Code[..4]).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Code, StringComparer.Ordinal).ToList());
    }

    public IReadOnlyDictionary<string, Division> Provinces { get; }
    public IReadOnlyDictionary<string, Division> Cities { get; }
    public IReadOnlyDictionary<string, Division> Areas { get; }

    /// <exception cref="FileNotFoundException">A level's file is missing from <paramref name="directory"/>.</exception>
    public static RegionCatalogue Load(string directory) =>
        new(directory, Read(directory, "provinces", null).ToList(), Read(directory, "cities", null).ToList(),
            Read(directory, "areas", null).ToList());

    public IReadOnlyList<Division> CitiesOf(string provinceCode) => citiesByProvince.GetValueOrDefault(provinceCode) ?? [];

    public IReadOnlyList<Division> AreasOf(string cityCode) => areasByCity.GetValueOrDefault(cityCode) ?? [];

    /// <summary>Townships (9-digit codes) whose county is in <paramref name="countyCodes"/>, in file order.</summary>
    public IEnumerable<Division> Townships(IReadOnlySet<string> countyCodes) => Read(directory, "streets", countyCodes);

    /// <summary>Villages (12-digit codes) whose county is in <paramref name="countyCodes"/>, in file order.</summary>
    public IEnumerable<Division> Villages(IReadOnlySet<string> countyCodes) => Read(directory, "villages", countyCodes);

    /// <summary>
    /// True for a county-level code that is a functional zone (development zone, high-tech park, management
    /// district: GB/T 2260 codes whose last two digits are 71-79). They hold villages, but no roster is kept by them
    /// as a county, and no worker names one as a workplace.
    /// </summary>
    public static bool IsFunctionalZone(string countyCode) => countyCode[4] == '7';

    /// <summary>True for placeholders at city level: 市辖区 and 县 (municipalities), 省/自治区直辖县级行政区划.</summary>
    public static bool IsPlaceholderCity(Division city) =>
        city.Name is "市辖区" or "县" || city.Name.Contains("直辖县级", StringComparison.Ordinal);

    private static IEnumerable<Division> Read(string directory, string level, IReadOnlySet<string>? countyCodes)
    {
        var path = new[] { level + ".csv.gz", level + ".csv" }.Select(f => Path.Combine(directory, f)).FirstOrDefault(File.Exists)
                   ?? throw new FileNotFoundException($"区划数据目录 {directory} 缺少 {level}.csv.gz。", Path.Combine(directory, level + ".csv.gz"));
        using var file = File.OpenRead(path);
        using var stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionMode.Decompress)
            : (Stream)file;
        using var text = new StreamReader(stream, Encoding.UTF8);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        while (csv.Read())
        {
            if (countyCodes is not null)
            {
                var code = csv.GetFieldSpan(0);
                if (code.Length < 6 || !countyCodes.Contains(code[..6].ToString())) continue;
            }
            yield return new Division(csv.GetString(0).Trim(), csv.GetString(1).Trim());
        }
    }
}
