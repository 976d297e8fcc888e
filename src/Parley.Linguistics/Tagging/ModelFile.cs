using System.Text;

namespace Parley.Linguistics.Tagging;

/// <summary>
/// The binary framing shared by Parley's model files: a magic string and a format version, then the
/// model's own content. Reading a file that is not such a model, of another version, or cut short is a
/// coded error (PRL2004), never a crash.
/// </summary>
internal static class ModelFile
{
    /// <summary>Writes the header, then the content.</summary>
    public static void Save(Stream stream, string magic, int version, Action<BinaryWriter> content)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(magic);
        w.Write(version);
        content(w);
    }

    /// <summary>Checks the header, then reads the content.</summary>
    /// <exception cref="Core.ParleyException">PRL2004 naming <paramref name="what"/>.</exception>
    public static T Load<T>(Stream stream, string magic, int version, string what, Func<BinaryReader, T> content) =>
        Load(stream, magic, version, version, what, (r, _) => content(r));

    /// <summary>Checks the header (any format version from <paramref name="oldest"/> to <paramref name="version"/>), then reads the content given the file's version.</summary>
    /// <exception cref="Core.ParleyException">PRL2004 naming <paramref name="what"/>.</exception>
    public static T Load<T>(Stream stream, string magic, int oldest, int version, string what, Func<BinaryReader, int, T> content)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var fileVersion = r.ReadString() == magic ? r.ReadInt32() : -1;
            if (fileVersion < oldest || fileVersion > version)
            {
                throw new Core.ParleyException(Core.Errors.DataFile, $"Not a Parley {what} (or an incompatible version).");
            }

            return content(r, fileVersion);
        }
        catch (Exception ex) when (ex is EndOfStreamException or IOException or FormatException or OverflowException or ArgumentOutOfRangeException)
        {
            throw new Core.ParleyException(Core.Errors.DataFile, $"The {what} file is truncated or corrupt.", null, ex);
        }
    }
}
