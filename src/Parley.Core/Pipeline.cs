namespace Parley.Core;

/// <summary>
/// What a pipeline component is: a versioned name (written into every output record for provenance),
/// the layers it needs and the layers it adds.
/// </summary>
/// <param name="Name">Dotted name, e.g. <c>parley.tokenizer</c>.</param>
/// <param name="Version">Version of the component's behaviour; bump it when its output changes.</param>
/// <param name="Requires">Layer names that must be present before it runs.</param>
/// <param name="Assigns">Layer names it sets.</param>
public sealed record ComponentDescriptor(string Name, string Version, IReadOnlyList<string> Requires, IReadOnlyList<string> Assigns)
{
    /// <summary><c>name.vVersion</c>, e.g. <c>parley.tokenizer.v1</c>.</summary>
    public string VersionedName => $"{Name}.v{Version}";
}

/// <summary>
/// One step of the pipeline. Implementations must be safe to call from several threads on different
/// documents at once (share read-only models, keep per-call state local).
/// </summary>
public interface IPipelineComponent
{
    /// <summary>The descriptor checked by <see cref="PipelineBuilder"/>.</summary>
    ComponentDescriptor Descriptor { get; }

    /// <summary>Adds this component's layers to <paramref name="document"/>.</summary>
    void Process(Document document, CancellationToken cancellationToken);
}

/// <summary>An ordered, validated sequence of components.</summary>
public sealed class Pipeline
{
    internal Pipeline(IReadOnlyList<IPipelineComponent> components)
    {
        Components = components;
    }

    /// <summary>The components in run order.</summary>
    public IReadOnlyList<IPipelineComponent> Components { get; }

    /// <summary>The versioned names of all components, for provenance in output records.</summary>
    public IReadOnlyList<string> VersionedNames => Components.Select(c => c.Descriptor.VersionedName).ToList();

    /// <summary>Runs every component on the document in order.</summary>
    public void Process(Document document, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        foreach (var component in Components)
        {
            cancellationToken.ThrowIfCancellationRequested();
            component.Process(document, cancellationToken);
        }
    }
}

/// <summary>
/// Builds a <see cref="Pipeline"/> and rejects an impossible order before any document is read:
/// every required layer must be intrinsic (text, metadata, paragraphs) or assigned by an earlier
/// component (PRL2001), and no layer may be assigned twice (PRL2002).
/// </summary>
public sealed class PipelineBuilder
{
    private readonly List<IPipelineComponent> _components = [];

    /// <summary>Appends a component.</summary>
    public PipelineBuilder Add(IPipelineComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        _components.Add(component);
        return this;
    }

    /// <summary>Validates the order and returns the pipeline.</summary>
    /// <exception cref="ParleyException">PRL2001 or PRL2002.</exception>
    public Pipeline Build()
    {
        var available = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in LayerNames.Intrinsic)
        {
            available[name] = "reader";
        }

        foreach (var component in _components)
        {
            var d = component.Descriptor;
            foreach (var required in d.Requires)
            {
                if (!available.ContainsKey(required))
                {
                    var later = _components.FirstOrDefault(c => c.Descriptor.Assigns.Contains(required));
                    var hint = later is null
                        ? "no component in the pipeline assigns it"
                        : $"'{later.Descriptor.Name}' assigns it but runs later";
                    throw new ParleyException(Errors.MissingRequirement, $"Component '{d.Name}' requires layer '{required}', but {hint}.");
                }
            }

            foreach (var assigned in d.Assigns)
            {
                if (!available.TryAdd(assigned, d.Name))
                {
                    throw new ParleyException(Errors.DuplicateAssignment, $"Layer '{assigned}' is assigned by both '{available[assigned]}' and '{d.Name}'.");
                }
            }
        }

        return new Pipeline(_components.ToArray());
    }
}
