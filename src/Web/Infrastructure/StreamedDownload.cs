using System.IO.Pipelines;
using Microsoft.AspNetCore.Mvc;

namespace Bangfu.Web.Infrastructure;

/// <summary>
/// A download written straight into the response while it is produced, never to a temporary file: an export with
/// ID numbers in clear must not leave a copy on the server's disk. The writer (which writes synchronously, as zip and
/// XML writers do) runs on a worker thread into a bounded pipe; the response is copied from the pipe asynchronously.
/// An error before the first byte becomes a plain status (404 for <see cref="KeyNotFoundException"/>); after it, the
/// response is aborted so the browser reports a failed download instead of saving a truncated file.
/// </summary>
public sealed class StreamedDownload(string fileName, string contentType, Func<Stream, CancellationToken, Task> write) : IActionResult
{
    public async Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var ct = http.RequestAborted;
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
        var producer = Task.Run(async () =>
        {
            try
            {
                await using var stream = pipe.Writer.AsStream(leaveOpen: true);
                await write(stream, ct);
                await stream.FlushAsync(ct);
                await pipe.Writer.CompleteAsync();
            }
            catch (Exception e)
            {
                await pipe.Writer.CompleteAsync(e);
            }
        }, CancellationToken.None);

        var response = http.Response;
        try
        {
            var first = await pipe.Reader.ReadAsync(ct); // wait for the first bytes (or the error) before sending headers
            pipe.Reader.AdvanceTo(first.Buffer.Start);
            response.ContentType = contentType;
            response.Headers.CacheControl = "no-store";
            response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = "export" + Path.GetExtension(fileName) }
                                                      + "; filename*=UTF-8''" + Uri.EscapeDataString(fileName);
            await pipe.Reader.CopyToAsync(response.Body, ct);
        }
        catch (KeyNotFoundException) when (!response.HasStarted)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
        }
        catch (Exception) when (response.HasStarted && !ct.IsCancellationRequested)
        {
            http.Abort();
        }
        finally
        {
            await pipe.Reader.CompleteAsync();
            await producer;
        }
    }
}
