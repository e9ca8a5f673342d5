using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace RagApi.Api.Tests.Infrastructure;

/// <summary>Every message with every structured value, so text hidden in a field is found too.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(' ', pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
        Lines.Enqueue($"{formatter(state, exception)} | {values}");
    }

    public void Dispose()
    {
    }
}
