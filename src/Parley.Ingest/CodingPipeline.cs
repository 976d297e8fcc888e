using Parley.Actors;
using Parley.Actors.Documents;
using Parley.Core;
using Parley.Events.Codebook;
using Parley.Events.Coding;
using Parley.Linguistics;
using Parley.Linguistics.Entities;
using Parley.Linguistics.Parsing;
using Parley.Places;
using Parley.Time;

namespace Parley.Ingest;

/// <summary>The event-coding pipeline of <c>parley code</c>, <c>parley ingest</c> and <c>POST /v1/documents</c>.</summary>
public static class CodingPipeline
{
    /// <summary>
    /// Assembles the pipeline: tokeniser, syntax, temporal expressions, entities, places, document actors, events. The
    /// codebooks, the gazetteer and the models load in parallel (they are independent and loading is most of a short
    /// run's time); a missing data file still surfaces as its own coded error (PRL2004). The pipeline's components are
    /// read-only once loaded: one instance may code documents on several threads at once.
    /// </summary>
    /// <param name="modelsRoot">The folder holding the shipped models (<c>pos/</c>, <c>parser/</c>, <c>ner/</c>).</param>
    /// <param name="options">Event coder options (modal events or not).</param>
    public static Pipeline Create(string modelsRoot, EventCoderOptions options)
    {
        var models = new LinguisticModels(modelsRoot);
        var actors = Task.Run(() => ActorResolver.Load());
        var places = Task.Run(() => PlaceResolver.Load());
        var verbs = Task.Run(() => VerbDictionary.Load());
        var codebook = Task.Run(() => CameoCodebook.Load());
        var tagging = Task.Run(() => (models.Tagger, models.Morphology));
        var parsing = Task.Run(() => models.Parser);
        var naming = Task.Run(() => models.Entities);
        foreach (var model in new Task[] { tagging, parsing, naming })
        {
            model.GetAwaiter().GetResult(); // rethrows the loader's own exception (not an AggregateException)
        }

        var resolver = actors.GetAwaiter().GetResult();
        return new PipelineBuilder()
            .Add(new Tokenizer())
            .Add(new SyntaxAnnotator(models))
            .Add(new TimexTagger())
            .Add(new EntityTagger(models))
            .Add(new PlaceTagger(places.GetAwaiter().GetResult()))
            .Add(new DocumentActorTagger(resolver))
            .Add(new EventCoder(verbs.GetAwaiter().GetResult(), codebook.GetAwaiter().GetResult(), resolver, options))
            .Build();
    }
}
