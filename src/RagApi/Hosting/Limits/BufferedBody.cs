namespace RagApi.Hosting.Limits;

/// <summary>
/// A body sent without Content-Length (chunked) is read up to the limit into memory, so the limit holds on
/// every server, not only where Kestrel enforces it; over the limit nothing more is read.
/// </summary>
internal static class BufferedBody
{
    public static async Task<bool> TryBufferAsync(HttpRequest request, long max, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > max) return false;
            buffer.Write(chunk, 0, read);
        }
        buffer.Position = 0;
        request.Body = buffer;
        request.ContentLength = buffer.Length;
        request.HttpContext.Response.RegisterForDispose(buffer);
        return true;
    }
}
