using System.Globalization;
using Parley.Core;

namespace Parley.Events.Codebook;

/// <summary>How one CAMEO code is coded in PLOVER.</summary>
/// <param name="Cameo">The CAMEO code as a string, leading zeros kept (<c>"036"</c>).</param>
/// <param name="Event">The PLOVER type (one of <see cref="PloverTypes.All"/>).</param>
/// <param name="Mode">The PLOVER mode (<c>visit</c>, <c>phone</c>, <c>assist</c>…), or null when the table gives none.</param>
/// <param name="Contexts">The PLOVER contexts the table attaches (<c>diplomatic</c>, <c>economic</c>…), possibly empty.</param>
/// <param name="Description">The CAMEO description from the table's comment.</param>
/// <param name="Source">Which table decided: <c>CAMEO2PLOVER-2021</c> or <c>parley-additions</c>.</param>
public sealed record PloverMapping(string Cameo, string Event, string? Mode, IReadOnlyList<string> Contexts, string Description, string Source);

/// <summary>
/// The CAMEO codebook as Parley uses it: the CAMEO→PLOVER table (PLOVER draft 0.8) with Parley's normative
/// additions (appeals → REQUEST, denials → REJECT), and the Goldstein weights of every code. Immutable, thread-safe.
/// </summary>
/// <remarks>
/// Codes absent from the table are looked up through their parents ("0871" → "087" → "08"), because the
/// table lists some families only at their root. CAMEO 01 (statements) and the 02 codes the additions do not
/// list have no PLOVER type: <see cref="Map"/> returns null and <see cref="WhyUnmapped"/> says why.
/// </remarks>
public sealed class CameoCodebook
{
    /// <summary>File names of the tables in the data folder.</summary>
    public const string PloverTableFile = "CAMEO2PLOVER-2021.txt";

    /// <summary>Parley's additions to the PLOVER table (same format).</summary>
    public const string AdditionsFile = "parley-additions.txt";

    /// <summary>GDELT's CAMEO → Goldstein table.</summary>
    public const string GoldsteinFile = "CAMEO.goldsteinscale.txt";

    private readonly Dictionary<string, PloverMapping> _map;
    private readonly Dictionary<string, double> _goldstein;

    private CameoCodebook(Dictionary<string, PloverMapping> map, Dictionary<string, double> goldstein)
    {
        _map = map;
        _goldstein = goldstein;
    }

    /// <summary>Number of CAMEO codes with a PLOVER mapping (table plus additions).</summary>
    public int MappedCodes => _map.Count;

    /// <summary>Number of codes with a Goldstein weight.</summary>
    public int WeightedCodes => _goldstein.Count;

    /// <summary>Loads the three tables from <paramref name="dataDir"/> (default: <see cref="EventData.Locate"/>). PRL2004 when a file is missing or malformed.</summary>
    public static CameoCodebook Load(string? dataDir = null)
    {
        dataDir ??= EventData.Locate();
        var map = new Dictionary<string, PloverMapping>(StringComparer.Ordinal);
        ReadTable(Path.Combine(dataDir, PloverTableFile), "CAMEO2PLOVER-2021", map);
        ReadTable(Path.Combine(dataDir, AdditionsFile), "parley-additions", map);
        var goldstein = new Dictionary<string, double>(StringComparer.Ordinal);
        var path = Path.Combine(dataDir, GoldsteinFile);
        var lineNo = 0;
        foreach (var line in EventData.ReadLines(path))
        {
            lineNo++;
            var cols = line.Split('\t');
            if (lineNo == 1 || line.Length == 0)
            {
                continue;
            }

            if (cols.Length != 2 || !double.TryParse(cols[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var weight))
            {
                throw new ParleyException(Errors.DataFile, $"{path}:{lineNo}: expected CODE<TAB>WEIGHT, got \"{line}\".");
            }

            goldstein[cols[0].Trim()] = weight;
        }

        return new CameoCodebook(map, goldstein);
    }

    /// <summary>The PLOVER mapping of <paramref name="cameo"/> (or of its nearest listed parent), or null.</summary>
    public PloverMapping? Map(string cameo)
    {
        for (var code = cameo; code.Length >= 2; code = code[..^1])
        {
            if (_map.TryGetValue(code, out var m))
            {
                return code == cameo ? m : m with { Cameo = cameo };
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="cameo"/> has no PLOVER type, or null when it has one.</summary>
    public string? WhyUnmapped(string cameo)
    {
        if (Map(cameo) is not null)
        {
            return null;
        }

        return cameo.StartsWith("01", StringComparison.Ordinal)
            ? $"CAMEO {cameo} is a statement (01): PLOVER and Parley do not code statements"
            : $"CAMEO {cameo} has no row in the CAMEO→PLOVER table or Parley's additions";
    }

    /// <summary>The Goldstein weight of <paramref name="cameo"/> (or its nearest listed parent), or null.</summary>
    public double? Goldstein(string cameo)
    {
        for (var code = cameo; code.Length >= 2; code = code[..^1])
        {
            if (_goldstein.TryGetValue(code, out var w))
            {
                return w;
            }
        }

        return null;
    }

    /// <summary>The CAMEO root (first two digits) of a code.</summary>
    public static string Root(string cameo) => cameo.Length >= 2 ? cameo[..2] : cameo;

    private static void ReadTable(string path, string source, Dictionary<string, PloverMapping> map)
    {
        var lineNo = 0;
        foreach (var raw in EventData.ReadLines(path))
        {
            lineNo++;
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#' || line.StartsWith('~'))
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !line[..colon].All(char.IsAsciiDigit))
            {
                throw new ParleyException(Errors.DataFile, $"{path}:{lineNo}: expected \"CODE: EVENT, mode, context # description\", got \"{line}\".");
            }

            var code = line[..colon];
            var rest = line[(colon + 1)..];
            var hash = rest.IndexOf('#', StringComparison.Ordinal);
            var description = hash >= 0 ? rest[(hash + 1)..].Trim() : "";
            var fields = (hash >= 0 ? rest[..hash] : rest).Split(',');
            var type = PloverTypes.Normalize(fields[0].Trim());
            if (!PloverTypes.IsType(type))
            {
                throw new ParleyException(Errors.DataFile, $"{path}:{lineNo}: \"{fields[0].Trim()}\" is not a PLOVER type.");
            }

            var mode = fields.Length > 1 && fields[1].Trim().Length > 0 ? fields[1].Trim() : null;
            string[] contexts = fields.Length > 2
                ? fields[2].Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                : [];
            map[code] = new PloverMapping(code, type, mode, contexts, description, source);
        }
    }
}
