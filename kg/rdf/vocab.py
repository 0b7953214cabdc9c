"""Terms of the diplomacy-kg ontology. GENERATED from ontology/dip.ttl by ``python -m kg.rdf.vocab_gen``: do not edit.

>>> DIP.Summit
rdflib.term.URIRef('https://w3id.org/diplomacy-kg/ontology#Summit')
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class DIP(DefinedNamespace):
    _fail = True
    _NS = Namespace("https://w3id.org/diplomacy-kg/ontology#")

    Acceptance: URIRef  # Acceptance
    Accepted: URIRef  # accepted
    Actor: URIRef  # Anyone who takes part in diplomatic relations: a person, a country (its government), an organisation or a group of persons.
    ActorDecision: URIRef  # An analyst's merge or split of two actor nodes; the resolver derives its mapping from these.
    AdvisesProjection: URIRef  # advisory roles project to advises
    AdvisoryRole: URIRef  # A standing relation: one person advises another. Not an event in CAMEO or PLOVER.
    Analyst: URIRef  # Analyst
    Assertion: URIRef  # One sourced claim. Its IRI names the named graph holding the claim's triples; provenance about it is in the default graph. Its ID is a
    Call: URIRef  # A telephone or video conversation.
    Cancelled: URIRef  # A planned event was called off.
    Country: URIRef  # A sovereign state, standing for its government (metonyms such as 'the Kremlin' resolve here).
    Dispute: URIRef  # Dispute
    Disputed: URIRef  # disputed
    Document: URIRef  # A source: an ingested article (identified by its content hash) or a cited URL.
    DocumentCopy: URIRef  # The same text published under another URL (a syndicated or republished copy): recorded on the existing document instead of being ski
    Event: URIRef  # An n-ary diplomatic event with roles, time, place, status and counts.
    EventCluster: URIRef  # What happened: the reported events (assertions) judged to be one event, with counts in the manner of GDELT. Derived data in the grap
    EventCoding: URIRef  # The CAMEO and PLOVER codes (dip:cameo, dip:plover) of a relation's events with status dip:forStatus, optionally only for events of di
    EventJudgement: URIRef  # A stored, append-only judgement about event identity: a machine link of a reported event (an assertion) to an event cluster with i
    EventLink: URIRef  # A machine judgement: the reported event dip:eventB belongs to the cluster anchored at dip:eventA (eventA = eventB starts a new cluster)
    EventMerge: URIRef  # An analyst's judgement that the clusters anchored at dip:eventA and dip:eventB are one event.
    EventSplit: URIRef  # An analyst's judgement that dip:eventB is not part of the cluster anchored at dip:eventA; undoes a merge or a link.
    EventStatus: URIRef  # Event status
    Evidence: URIRef  # The passage of a document that states an assertion.
    Extractor: URIRef  # Software that extracts assertions, named name@version.
    Group: URIRef  # An unnamed set of persons treated as one party, such as '16 prisoners'; carries dip:personCount.
    Held: URIRef  # The event took place.
    Leader: URIRef  # A person who holds a head-of-state, head-of-government or ministerial position. Typed from dated positions (dip:holdsPosition), so 'leader
    LeadershipOffice: URIRef  # A head-of-state, head-of-government or ministerial office.
    Meeting: URIRef  # Actors meet in person.
    MeetsProjection: URIRef  # meetings project to meets
    Merge: URIRef  # Merge
    Negated: URIRef  # The source states that the event did not happen.
    Office: URIRef  # A position that persons hold, such as President of Russia (Wikidata P39 values).
    Organization: URIRef  # An international organisation, government body, company or armed group.
    Pardon: URIRef  # A formal pardon or amnesty of convicted persons.
    PardonsProjection: URIRef  # pardons project to pardons
    Person: URIRef  # A natural person.
    Planned: URIRef  # The event is scheduled or intended.
    Position: URIRef  # One holding of an office by a person between two dates (Wikidata P39 with P580/P582).
    PrisonerRelease: URIRef  # The actual release or exchange of detained persons.
    Projection: URIRef  # Declares that in events of dip:eventClass, each filler of dip:sourceRole gets a dip:edge to each filler of dip:targetRole (all distinc
    Proposed: URIRef  # proposed
    Refused: URIRef  # A party refused to take part.
    Reinstated: URIRef  # Decision of a dip:Reinstatement: the assertion is back in the current view. Never an entry status.
    Reinstatement: URIRef  # Undoes the rejections and retractions of an assertion recorded before it (dip:undoes): its claim triples return to the current view
    Rejected: URIRef  # rejected
    Rejection: URIRef  # Rejection
    Relationship: URIRef  # Superclass of reified standing relations between actors.
    ReleasesProjection: URIRef  # releases project to releases
    Retracted: URIRef  # retracted
    Retraction: URIRef  # Retraction
    ReviewRecord: URIRef  # A decision about an assertion (retract, accept, reject, dispute, reinstate). Records are appended, never edited.
    ReviewStatus: URIRef  # Review status
    SanctionsAction: URIRef  # Imposing sanctions, an embargo or a boycott on targets.
    SanctionsProjection: URIRef  # sanctions actions project to sanctions
    Split: URIRef  # Split
    StatedRole: URIRef  # The office a source gives an actor in an event ('Russian President Vladimir Putin' gives Putin the office of President of Russia). Che
    Summit: URIRef  # A meeting of heads of state or government.
    TalksProjection: URIRef  # calls project to talksWith
    Visit: URIRef  # A meeting on the host's soil: the visitor travels to the host.
    about: URIRef  # about
    actorA: URIRef  # actor A
    actorB: URIRef  # actor B
    advisee: URIRef  # advisee
    advises: URIRef  # advises
    advisor: URIRef  # advisor
    agent: URIRef  # The acting party: who pardons, releases or imposes.
    alias: URIRef  # alias
    assertedRelation: URIRef  # The relation name of the claim (meets, pardons ...), for quick filtering.
    cameo: URIRef  # On an event class: its default CAMEO concept. On an event: the code of this event.
    claimEvent: URIRef  # The event or relationship node an assertion states.
    clusterParticipant: URIRef  # cluster participant
    clusterSource: URIRef  # A document of the cluster.
    colour: URIRef  # Optional #RRGGBB colour of a relation's edges in the network view; without it the view takes one from its colour-blind-safe palette by dip
    confidence: URIRef  # Confidence in [0, 1] of an assertion or a resolved mention.
    contentHash: URIRef  # SHA-256 hex digest of the document text (or of the URL for a cited source).
    copyOf: URIRef  # copy of
    currentStatus: URIRef  # The status in the latest reports of the cluster.
    date: URIRef  # The calendar date of the event (start date for multi-day events).
    dateBasis: URIRef  # How the date was found: explicit, relative (resolved against the publication date) or published.
    decision: URIRef  # decision
    edge: URIRef  # edge
    endDate: URIRef  # end date
    endOffset: URIRef  # end offset
    endTime: URIRef  # end time
    eventA: URIRef  # event A
    eventB: URIRef  # event B
    eventClass: URIRef  # event class
    eventCode: URIRef  # A coding of the relation's events.
    eventDay: URIRef  # A day node <…/id/day/YYYY-MM-DD> for each day of the event date range: date ranges are key lookups.
    eventMonth: URIRef  # A month node <…/id/month/YYYY-MM> of the event date: on each dated event node, and for each month of an event cluster's date range.
    eventType: URIRef  # event type
    evidence: URIRef  # evidence
    firstDate: URIRef  # Start of the event date range (event time).
    firstReported: URIRef  # Earliest reporting (publication) date.
    forEventClass: URIRef  # The coding applies only to events of this class or one of its subclasses.
    forHost: URIRef  # True when the coding applies only when the subject hosts the event (CAMEO 043, host a visit).
    forStatus: URIRef  # for status
    hedge: URIRef  # A hedging expression ('reportedly', 'according to') found in the evidence.
    holdsPosition: URIRef  # holds position
    host: URIRef  # The participant on whose soil a meeting takes place.
    imposer: URIRef  # imposer
    informationCredibility: URIRef  # Admiralty grade of the information: 1 (confirmed) to 5 (improbable), 6 (cannot be judged).
    lastDate: URIRef  # End of the event date range (event time).
    lastReported: URIRef  # Latest reporting (publication) date.
    listOrder: URIRef  # Where a relation comes in lists, legends and the network view's colour order (ascending); relations without one come after, by name.
    localTime: URIRef  # The clock time as stated (HH:MM, local), kept when no date or offset is known.
    matchRule: URIRef  # The rule that decided a machine event link (same day, planned then held, same document ...).
    matchScore: URIRef  # The machine's score (0-1) for a same-event link.
    meets: URIRef  # meets
    member: URIRef  # member
    memberEvent: URIRef  # The event node of a member assertion.
    monthKey: URIRef  # Of a month node: YYYY-MM, ordered as text, so a date range selects its month nodes by a range of keys.
    multiParty: URIRef  # True when several actors on one side of one trigger are one event ('A, B and C met D'; PLOVER's actor and recipient lists); otherwise
    numArticles: URIRef  # Articles (documents and copies under other URLs), as GDELT NumArticles.
    numMentions: URIRef  # Member assertions (evidence spans), as GDELT NumMentions.
    numOutlets: URIRef  # Distinct outlets (hosts or publishers).
    numSources: URIRef  # Independent sources: outlets, with syndicated copies of one text counted once, as GDELT NumSources.
    office: URIRef  # office
    officeOf: URIRef  # The country or organisation an office belongs to.
    pardons: URIRef  # pardons
    participant: URIRef  # participant
    personCount: URIRef  # count of persons
    place: URIRef  # Where the event happens, as named in the source.
    plover: URIRef  # On an event class: its default PLOVER event type. On an event: the code of this event.
    ploverContext: URIRef  # The PLOVER context of a relation's events (the manual's list: diplomatic, human_rights, economic ...), written by the PLOVER export
    positionEnd: URIRef  # position end
    positionStart: URIRef  # position start
    published: URIRef  # published
    publisher: URIRef  # publisher
    quote: URIRef  # quote
    quoteHash: URIRef  # quote hash
    reason: URIRef  # reason
    relatesTo: URIRef  # Superproperty of the direct relations projected from events.
    relationName: URIRef  # The short name used on the CLI and in JSONL for a projection's relation.
    releasedPerson: URIRef  # A person or group pardoned or released.
    releases: URIRef  # releases
    reviewStatus: URIRef  # Status an assertion entered with (proposed for extractions, accepted for analyst claims); later decisions are dip:ReviewRecord nodes
    role: URIRef  # Any role an actor plays in an event or relationship.
    roleActor: URIRef  # The actor the role is given to.
    roleOffice: URIRef  # The office the source says the actor holds (an office of the gazetteer).
    sanctions: URIRef  # sanctions
    sentence: URIRef  # sentence
    sequence: URIRef  # Replay order of event judgements written in one transaction.
    sourceReliability: URIRef  # Admiralty grade of the source: A (completely reliable) to E (unreliable), F (cannot be judged).
    sourceRole: URIRef  # source role
    startOffset: URIRef  # Character offset (Unicode code points) where the quote starts in the document text.
    startTime: URIRef  # Start as xsd:dateTime with its time-zone offset (when date and offset are known).
    statedAs: URIRef  # The mention that gives the role, as written ('Russian President Vladimir Putin').
    statedRole: URIRef  # An office the source gives one of the event's actors, as a dip:StatedRole.
    status: URIRef  # Whether the event was held, is planned, or was cancelled, refused or negated.
    talksWith: URIRef  # talks with
    target: URIRef  # Who a sanctions action is aimed at.
    targetRole: URIRef  # target role
    title: URIRef  # title
    undoes: URIRef  # A rejection or retraction record (of the same assertion) that a reinstatement cancels.
    url: URIRef  # URL
    visitor: URIRef  # The participant who travels to the host.
    wikidata: URIRef  # The Wikidata item ID (QID) of an actor or office; the entity IRI is also linked with owl:sameAs.
