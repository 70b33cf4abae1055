using System.Data.Common;
using System.IO.Compression;
using System.Text;
using Bangfu.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sylvan.Data.Csv;

namespace Bangfu.Registry.Regions;

/// <summary>What loading an edition of the region tree did.</summary>
public sealed record RegionLoadSummary(int Edition, int Read, int Added, int Renamed, int Retired, int Unchanged);

/// <summary>
/// Loads the five-level division tree from a directory holding <c>provinces</c>, <c>cities</c>, <c>areas</c>,
/// <c>streets</c> and <c>villages</c> as <c>.csv</c> or <c>.csv.gz</c> (first column code, second name; the layout
/// of the vendored NBS 2023 data, see Regions/Data/SOURCE.md). A later edition updates names, adds new codes and
/// marks codes it no longer lists as retired: codes are never deleted, because people and reports reference them.
/// </summary>
public sealed class RegionTreeLoader(AppDbContext db, RegionDirectory directory, ILogger<RegionTreeLoader> logger)
{
    public const int VendoredEdition = 2023;
    private static readonly string[] Files = ["provinces", "cities", "areas", "streets", "villages"];

    /// <summary>The directory the vendored edition is copied to beside the program.</summary>
    public static string VendoredDirectory => Path.Combine(AppContext.BaseDirectory, "regions");

    /// <exception cref="RegionDataException">A file is missing or a row is malformed (message names file and line).</exception>
    public async Task<RegionLoadSummary> LoadAsync(string directoryPath, int edition, CancellationToken cancellationToken = default)
    {
        var incoming = ReadAll(directoryPath, edition);
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);

        var existing = new Dictionary<string, (string Name, int? Retired)>(StringComparer.Ordinal);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT code, name, retired_in_edition FROM reg_region";
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
                existing[reader.GetString(0)] = (reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2));
        }

        var added = new List<Region>();
        var renamed = new List<Region>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unchanged = 0;
        foreach (var region in incoming)
        {
            seen.Add(region.Code);
            if (!existing.TryGetValue(region.Code, out var old)) added.Add(region);
            else if (old.Name != region.Name || old.Retired is not null) renamed.Add(region);
            else unchanged++;
        }
        var retired = existing.Where(e => e.Value.Retired is null && !seen.Contains(e.Key)).Select(e => e.Key).ToList();

        await BulkCopy.InsertAsync(connection, tx, "reg_region",
            ["code", "level", "parent_code", "name", "plain_name", "edition", "retired_in_edition"],
            added.Select(r => new object?[] { r.Code, (short)r.Level, r.ParentCode, r.Name, r.PlainName, edition, null }),
            cancellationToken);
        await ExecuteEachAsync(connection, tx,
            "UPDATE reg_region SET name = @name, plain_name = @plain, edition = @edition, retired_in_edition = NULL WHERE code = @code",
            renamed.Select(r => new Dictionary<string, object?> { ["@name"] = r.Name, ["@plain"] = r.PlainName, ["@edition"] = edition, ["@code"] = r.Code }),
            cancellationToken);
        await ExecuteEachAsync(connection, tx,
            "UPDATE reg_region SET retired_in_edition = @edition WHERE code = @code",
            retired.Select(c => new Dictionary<string, object?> { ["@edition"] = edition, ["@code"] = c }),
            cancellationToken);
        await ExecuteEachAsync(connection, tx,
            "UPDATE reg_region SET edition = @edition WHERE retired_in_edition IS NULL AND edition < @edition",
            [new Dictionary<string, object?> { ["@edition"] = edition }], cancellationToken);
        await tx.CommitAsync(cancellationToken);
        directory.Invalidate();

        var summary = new RegionLoadSummary(edition, incoming.Count, added.Count, renamed.Count, retired.Count, unchanged);
        logger.LogInformation("Region edition {Edition} loaded: {Read} read, {Added} added, {Renamed} renamed, {Retired} retired",
            edition, summary.Read, summary.Added, summary.Renamed, summary.Retired);
        return summary;
    }

    private static async Task ExecuteEachAsync(DbConnection connection, DbTransaction tx, string sql,
        IEnumerable<Dictionary<string, object?>> rows, CancellationToken cancellationToken)
    {
        await using var cmd = connection.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (var row in rows)
        {
            cmd.Parameters.Clear();
            foreach (var (name, value) in row)
            {
                var p = cmd.CreateParameter();
                p.ParameterName = name;
                p.Value = value ?? DBNull.Value;
                cmd.Parameters.Add(p);
            }
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static List<Region> ReadAll(string directoryPath, int edition)
    {
        if (!Directory.Exists(directoryPath)) throw new RegionDataException($"找不到区划数据目录 {directoryPath}。");
        var regions = new List<Region>(700_000);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in Files)
        {
            var path = new[] { file + ".csv.gz", file + ".csv" }.Select(f => Path.Combine(directoryPath, f)).FirstOrDefault(File.Exists)
                ?? throw new RegionDataException($"区划数据目录 {directoryPath} 缺少 {file}.csv 或 {file}.csv.gz。");
            using var stream = OpenMaybeGzip(path);
            using var text = new StreamReader(stream, Encoding.UTF8);
            using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
            var line = 1;
            while (csv.Read())
            {
                line++;
                var code = csv.GetString(0).Trim();
                var name = csv.GetString(1).Trim();
                if (code.Length == 0 || !code.All(char.IsAsciiDigit) || name.Length == 0)
                    throw new RegionDataException($"{Path.GetFileName(path)} 第 {line} 行：代码或名称无效（“{code}”，“{name}”）。");
                Region region;
                try
                {
                    region = new Region(code, name, edition);
                }
                catch (ArgumentException e)
                {
                    throw new RegionDataException($"{Path.GetFileName(path)} 第 {line} 行：{e.Message}");
                }
                if (region.ParentCode is not null && !codes.Contains(region.ParentCode))
                    throw new RegionDataException($"{Path.GetFileName(path)} 第 {line} 行：上级代码 {region.ParentCode} 不存在。");
                if (!codes.Add(code))
                    throw new RegionDataException($"{Path.GetFileName(path)} 第 {line} 行：代码 {code} 重复。");
                regions.Add(region);
            }
        }
        return regions;
    }

    private static Stream OpenMaybeGzip(string path)
    {
        var file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }
}

/// <summary>Region data that cannot be loaded; the message names the file and line.</summary>
public sealed class RegionDataException(string message) : Exception(message);
