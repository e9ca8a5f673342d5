using System.ComponentModel.DataAnnotations;
using System.CommandLine;

namespace RagApi.Indexer;

/// <summary>Settings that cannot work, found before anything is read or written.</summary>
internal static class StoreChecks
{
    public static string? Problem(StoreLocation location, ParseResult result)
    {
        if (!location.IsQdrant(result)) return null;
        var options = location.QdrantOptions(result);
        var errors = new List<ValidationResult>();
        if (Validator.TryValidateObject(options, new ValidationContext(options), errors, validateAllProperties: true)) return null;
        var message = string.Join(" ", errors.Select(e => e.ErrorMessage));
        return string.IsNullOrEmpty(options.Endpoint) ? $"--store qdrant needs --qdrant-url (or Qdrant__Endpoint). {message}" : message;
    }
}
