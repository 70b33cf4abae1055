using Bangfu.Platform.Scope;
using Microsoft.Extensions.DependencyInjection;

namespace Bangfu.Testing;

public static class ServiceScopes
{
    /// <summary>A DI scope acting with the given region scope (nationwide by default), like a signed-in officer.</summary>
    public static AsyncServiceScope InScope(this IServiceProvider services, RegionScope? scope = null)
    {
        var s = services.CreateAsyncScope();
        s.ServiceProvider.GetRequiredService<RegionScopeAccessor>().Scope = scope ?? RegionScope.Nationwide;
        return s;
    }

    public static T Get<T>(this AsyncServiceScope scope) where T : notnull => scope.ServiceProvider.GetRequiredService<T>();
}
