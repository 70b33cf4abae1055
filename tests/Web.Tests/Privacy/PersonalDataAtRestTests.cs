using System.Data.Common;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Bangfu.Platform.Data;
using Bangfu.Testing;
using Bangfu.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Web.Tests.Privacy;

/// <summary>
/// After real work through the web (upload, check, commit, reports, lists, exports), no full ID number and no mobile
/// number of the imported people is anywhere in plain text: not in the database (file bytes and every table's
/// values), not in the logs, not in any URL the pages link to, not in uploads left behind.
/// </summary>
public sealed partial class PersonalDataAtRestTests : WebTest
{
    [Fact]
    public async Task No_full_id_number_or_mobile_number_is_stored_logged_or_linked_in_plain_text()
    {
        var (headers, rows) = RosterFiles.Read(Fixtures.SeedVillages);
        var secrets = new HashSet<string>();
        foreach (var column in new[] { "证件号码", "户主证件号码", "户联系电话", "成员联系电话" })
        {
            var i = RosterFiles.Column(headers, column);
            foreach (var row in rows) if (row[i] is { Length: >= 11 } v) secrets.Add(v);
        }
        Assert.True(secrets.Count > 1000);
        Assert.True(HoldsSecret("电话:" + secrets.First() + "。", secrets)); // the scan finds what it looks for

        var client = await SignInAsync("county", "430182");
        var admin = await SignInAsync("province", "43");
        var links = new List<string>();
        await ImportThroughTheWebAsync(admin, links);
        foreach (var (who, url) in new[]
                 {
                     (admin, "/"), (admin, "/Reporting/Monthly?region=43&period=2021-12"), (admin, "/Registry/Imports"),
                     (admin, "/Reporting/Monthly/People?region=433124110226&period=2021-12&figure=Persons"),
                     (client, "/"), (client, "/Reporting/Monthly?region=430182&period=2021-12"),
                     (client, "/Reporting/Monthly?region=430182106209&period=2021-12"),
                     (client, "/Reporting/Monthly/People?region=430182106209&period=2021-12&figure=Employed"),
                 })
        {
            var response = await who.GetAsync(url);
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}\n{ServerErrors()}");
            var page = await response.Content.ReadAsStringAsync();
            links.AddRange(Hrefs().Matches(page).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)));
            Assert.False(HoldsSecret(page, secrets), url);
        }
        var export = await admin.GetAsync("/Reporting/Monthly/People?handler=Export&region=430182106209&period=2021-12&figure=Employed");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);

        Assert.DoesNotContain(links, l => HoldsSecret(l, secrets));
        await AssertTablesHoldNoSecretAsync(secrets);
        await Factory.DisposeAsync(); // flush and close the logs and the database
        AssertFilesHoldNoSecret(Database.DataDirectory, secrets);
    }

    private static async Task ImportThroughTheWebAsync(HttpClient client, List<string> links)
    {
        var upload = await PostFileAsync(client, "/Registry/Imports", "Upload", Fixtures.SeedVillages, new() { ["Period"] = "2021-12" });
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var detail = await WaitForJobAsync(client, upload.Headers.Location!.ToString());
        var page = await client.GetStringAsync(detail);
        links.AddRange(Hrefs().Matches(page).Select(m => m.Groups[1].Value));
        var commit = await PostFormAsync(client, detail.Replace("/Registry/Imports/Detail?", "/Registry/Imports/Detail?handler=Commit&"), [], detail);
        Assert.Equal(HttpStatusCode.Redirect, commit.StatusCode);
        await WaitForJobAsync(client, commit.Headers.Location!.ToString());
    }

    /// <summary>Polls a job's status (as the page's htmx does) until it redirects to the verdict; returns that URL.</summary>
    private static async Task<string> WaitForJobAsync(HttpClient client, string progressUrl)
    {
        var status = progressUrl.Replace("/Registry/Imports/Progress?", "/Registry/Imports/Progress?handler=Status&");
        for (var i = 0; i < 600; i++)
        {
            var response = await client.GetAsync(status);
            if (response.Headers.TryGetValues("HX-Redirect", out var target)) return target.Single();
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("处理失败", body);
            await Task.Delay(100);
        }
        throw new TimeoutException("the import did not finish");
    }

    private async Task AssertTablesHoldNoSecretAsync(HashSet<string> secrets)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        var sql = db.Database.IsSqlite()
            ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            : "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'";
        await connection.ReadAsync(null, sql, r => tables.Add(r.GetString(0)), CancellationToken.None);
        Assert.Contains("reg_person", tables);
        var values = 0;
        foreach (var table in tables.Where(t => t != "reg_region")) // the region tree is public reference data
        {
            await connection.ReadAsync(null, $"SELECT * FROM \"{table}\"", r =>
            {
                for (var i = 0; i < r.FieldCount; i++)
                {
                    var text = Text(r, i);
                    if (text is null) continue;
                    values++;
                    Assert.False(HoldsSecret(text, secrets), $"{table}.{r.GetName(i)} holds a full identifier in plain text");
                }
            }, CancellationToken.None);
        }
        Assert.True(values > 10_000);
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetValue(i) switch
    {
        byte[] b => Encoding.Latin1.GetString(b) + Encoding.UTF8.GetString(b),
        var v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void AssertFilesHoldNoSecret(string directory, HashSet<string> secrets)
    {
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.Contains("logs"));
        Assert.DoesNotContain(files, f => f.Contains("uploads")); // the uploaded roster is gone after the commit
        foreach (var file in files)
        {
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            Assert.False(HoldsSecret(text, secrets), $"{Path.GetFileName(file)} holds a full identifier in plain text");
        }
    }

    /// <summary>True when a run of digits in <paramref name="text"/> contains one of the secrets (11 or 18 characters).</summary>
    private static bool HoldsSecret(string text, HashSet<string> secrets)
    {
        foreach (Match run in DigitRuns().Matches(text))
        {
            var value = run.Value;
            foreach (var length in new[] { 11, 18 })
                for (var start = 0; start + length <= value.Length; start++)
                    if (secrets.Contains(value.Substring(start, length))) return true;
        }
        return false;
    }

    [GeneratedRegex("[0-9]{10,}X?")]
    private static partial Regex DigitRuns();

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex Hrefs();
}
