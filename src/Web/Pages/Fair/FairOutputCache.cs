using Bangfu.Employment.Vacancies;
using Microsoft.AspNetCore.OutputCaching;

namespace Bangfu.Web.Pages.Fair;

/// <summary>
/// The online fair's search results in the output cache (ASP.NET Core output caching, in memory): the rendered page of an
/// anonymous search, varied by the whole query string, kept for <c>Fair:SearchCacheSeconds</c> (default
/// <see cref="DefaultLifetime"/>; 0 turns the cache off) and evicted (tag
/// <see cref="Tag"/>) whenever a write in this process changes the open vacancies (<see cref="VacancyChanges"/>:
/// published, filled, withdrawn, an employer renamed, an import, the demo data). The built-in rules of the policy stay:
/// only GET and HEAD answered 200 are stored; a request with an Authorization header or a signed-in user is neither
/// served from nor stored in the cache; a response that sets a cookie (an antiforgery token, a session) is not stored.
/// Another instance's writes and a vacancy's expiry at midnight show within that lifetime.
/// </summary>
public sealed class FairOutputCache(IOutputCacheStore store) : IVacancyChangeHandler
{
    public const string Policy = "fair-search";
    public const string Tag = "open-vacancies";

    public const string LifetimeSetting = "Fair:SearchCacheSeconds";

    /// <summary>How long a rendered search is served: a few seconds, so that at hundreds of searches a second the common
    /// ones are rendered a few times a minute, and a change made elsewhere is never shown late by more than this.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromSeconds(5);

    public static void Configure(OutputCacheOptions options, IConfiguration configuration)
    {
        var lifetime = int.TryParse(configuration[LifetimeSetting], out var seconds) && seconds >= 0 ? TimeSpan.FromSeconds(seconds) : DefaultLifetime;
        options.AddPolicy(Policy, b =>
        {
            if (lifetime == TimeSpan.Zero) b.NoCache();
            else b.Expire(lifetime).SetVaryByQuery("*").Tag(Tag);
        });
    }

    public ValueTask VacanciesChangedAsync(CancellationToken cancellationToken) => store.EvictByTagAsync(Tag, cancellationToken);
}
