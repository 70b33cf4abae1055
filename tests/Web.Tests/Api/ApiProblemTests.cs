using System.Net;
using System.Text.Json;
using Bangfu.Registry.Contracts;
using Bangfu.Web.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bangfu.Web.Tests.Api;

public sealed class ApiProblemTests : ApiTest
{
    [Fact]
    public async Task An_unknown_api_address_and_a_wrong_method_answer_problems_not_html()
    {
        var client = TokenClient(await TokenAsync(await OfficerAsync("hejiawan", Hejiawan)));

        await ProblemAsync(await client.GetAsync("/api/v1/no-such-thing"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.DeleteAsync($"/api/v1/regions/{Hejiawan}"), HttpStatusCode.MethodNotAllowed);
        await ProblemAsync(await client.GetAsync("/api/v1/regions/43018"), HttpStatusCode.BadRequest);
        await ProblemAsync(await client.PostAsync("/api/v1/registry/people/search", new StringContent("{not json", System.Text.Encoding.UTF8, "application/json")),
            HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task An_unexpected_error_answers_500_problem_without_a_stack_trace()
    {
        await using var broken = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.Replace(ServiceDescriptor.Scoped<IPersonDirectory, ThrowingDirectory>())));
        var officer = await OfficerAsync("hejiawan", Hejiawan);
        var client = broken.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = new("Bearer", await TokenAsync(officer));

        var response = await client.GetAsync($"/api/v1/reports/monthly-dispatch/people?region={Hejiawan}&period=2021-12&figure=persons");

        var problem = await ProblemAsync(response, HttpStatusCode.InternalServerError);
        var text = problem.ToString();
        Assert.DoesNotContain("ThrowingDirectory", text);
        Assert.DoesNotContain(" at ", text);
        Assert.DoesNotContain("秘密", text);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("trace_id").GetString()), text);
    }

    [Theory]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(409)]
    [InlineData(413)]
    [InlineData(429)]
    [InlineData(500)]
    public async Task An_empty_error_response_under_api_becomes_a_problem_with_a_chinese_title(int status)
    {
        var context = new DefaultHttpContext { RequestServices = Services };
        context.Request.Path = "/api/v1/anything";
        context.Response.Body = new MemoryStream();
        var middleware = new ApiProblemsMiddleware(c =>
        {
            c.Response.StatusCode = status;
            return Task.CompletedTask;
        }, Services.GetRequiredService<IHostEnvironment>(), NullLogger<ApiProblemsMiddleware>.Instance);

        await middleware.InvokeAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("application/problem+json", context.Response.ContentType);
        context.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(context.Response.Body).RootElement;
        Assert.Equal(ApiProblems.Title(status), problem.GetProperty("title").GetString());
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", problem.GetProperty("detail").GetString());
    }

    private sealed class ThrowingDirectory : IPersonDirectory
    {
        public Task<PersonSummary?> FindAsync(Guid personId, CancellationToken cancellationToken = default) => throw new InvalidOperationException("秘密");
        public Task<IReadOnlyList<PersonSummary>> InVillageAsync(string villageCode, CancellationToken cancellationToken = default) => throw new InvalidOperationException("秘密");
        public Task<IReadOnlyDictionary<Guid, PersonSummary>> FindManyAsync(IReadOnlyCollection<Guid> personIds, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("秘密");
    }
}
