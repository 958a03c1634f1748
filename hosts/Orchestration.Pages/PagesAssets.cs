using System.Collections.Frozen;

namespace Orchestration.Pages;

/// <summary>The pages' files, embedded in this assembly under "pages/": read once, served from memory.</summary>
internal sealed class PagesAssets
{
    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, byte[]> _files;

    public PagesAssets()
    {
        var assembly = typeof(PagesAssets).Assembly;
        _files = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("pages/", StringComparison.Ordinal))
            .ToFrozenDictionary(n => n["pages/".Length..], n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                return copy.ToArray();
            }, StringComparer.Ordinal);
    }

    public (byte[] Content, string ContentType)? Find(string path) =>
        _files.TryGetValue(path, out var content) && ContentTypes.TryGetValue(Path.GetExtension(path), out var type) ? (content, type) : null;
}
