import { matchesFilterPattern } from './filter-pattern';

// AWS's own examples from "Filter pattern syntax for metric filters, subscription filters, and
// filter log events" (Amazon CloudWatch Logs User Guide,
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html), as
// published in awsdocs/amazon-cloudwatch-logs-user-guide, doc_source/FilterAndPatternSyntax.md.
// Each case names the section it comes from. Where the page gives a pattern without an event (the
// numeric examples), the event is ours and says so.

/** "JSON Metric Filter Examples": "The following is a JSON example". */
const JSON_EXAMPLE = `{
  "eventType": "UpdateTrail",
  "sourceIPAddress": "111.111.111.111",
  "arrayKey": [
        "value",
        "another value"
  ],
  "objectList": [
       {
         "name": "a",
         "id": 1
       },
       {
         "name": "b",
         "id": 2
       }
  ],
  "SomeObject": null,
  "ThisFlag": true
}`;

/** "JSON Compound Conditions": the event the compound examples are evaluated against. */
const COMPOUND_EXAMPLE = `{
    "user": {
        "id": 1,
        "email": "John.Stiles@example.com"
    },
    "users": [
        {
         "id": 2,
         "email": "John.Doe@example.com"
        },
        {
         "id": 3,
         "email": "Jane.Doe@example.com"
        }
    ],
    "actions": [
        "GET",
        "PUT",
        "DELETE"
    ],
    "coordinates": [
        [0, 1, 2],
        [4, 5, 6],
        [7, 8, 9]
    ]
}`;

describe('AWS documented examples', () => {
  // "JSON Metric Filter Examples": "The following filters would match" JSON_EXAMPLE.
  test.each([
    '{ $.eventType = "UpdateTrail" }',
    '{ $.sourceIPAddress != 123.123.* }',
    '{ $.arrayKey[0] = "value" }',
    '{ $.objectList[1].id = 2 }',
    '{ $.SomeObject IS NULL }',
    '{ $.SomeOtherObject NOT EXISTS }',
    '{ $.ThisFlag IS TRUE }',
  ])('JSON Metric Filter Examples: %s matches the example event', (pattern) => {
    expect(matchesFilterPattern(pattern, JSON_EXAMPLE)).toBe(true);
  });

  // The same section's explanations, each read as the case that must not match:
  // "If arrayKey is not an array this will be false"; "This will only be true is the specified
  // object is set to null"; "This will only be true if specified object does not exist";
  // "This also works for boolean filters which check for FALSE value".
  test.each([
    ['{ $.eventType = "UpdateTrail" }', { eventType: 'CreateTrail' }],
    ['{ $.sourceIPAddress != 123.123.* }', { sourceIPAddress: '123.123.1.1' }],
    ['{ $.arrayKey[0] = "value" }', { arrayKey: 'value' }],
    ['{ $.objectList[1].id = 2 }', { objectList: { 1: { id: 2 } } }],
    ['{ $.SomeObject IS NULL }', { SomeObject: {} }],
    ['{ $.SomeObject IS NULL }', {}],
    ['{ $.eventType NOT EXISTS }', 'the example event'],
    ['{ $.ThisFlag IS FALSE }', 'the example event'],
  ])('JSON Metric Filter Examples (what does not match): %s on %j', (pattern, event) => {
    expect(matchesFilterPattern(pattern, event === 'the example event' ? JSON_EXAMPLE : event)).toBe(false);
  });

  // "JSON Compound Conditions" > "Examples", against COMPOUND_EXAMPLE.
  test.each([
    ['{ ($.user.id = 1) && ($.users[0].email = "John.Doe@example.com") }', true], // "Matches the JSON above"
    ['{ ($.user.id = 2 && $.users[0].email = "nonmatch") || $.actions[2] = "GET" }', false], // "Doesn't match the JSON above"
    ['{ $.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch && $.actions[2] = nomatch }', true], // "Matches the JSON above"
    ['{ ($.user.email = "John.Stiles@example.com" || $.coordinates[0][1] = nonmatch) && $.actions[2] = nomatch }', false], // "Doesn't match the JSON above"
  ])('JSON Compound Conditions: %s -> %s', (pattern, matches) => {
    expect(matchesFilterPattern(pattern as string, COMPOUND_EXAMPLE)).toBe(matches);
  });

  test('OR Pattern Matching: {$.foo = bar} matches 1, {$.foo = baz } matches 2, the || of both matches 1 and 2', () => {
    const events = ['{"foo": "bar"}', '{"foo": "baz"}'];
    const matching = (pattern: string) => events.filter((e) => matchesFilterPattern(pattern, e));
    expect(matching('{$.foo = bar}')).toEqual([events[0]]);
    expect(matching('{$.foo = baz }')).toEqual([events[1]]);
    expect(matching('{$.foo = bar || $.foo = baz }')).toEqual(events);
  });

  test('JSON Special Considerations: {$.users = 1} and {$.users != 1} both fail where users is an array', () => {
    const event = '{\n  "users": [1, 2, 3]\n}';
    expect(matchesFilterPattern('{$.users = 1}', event)).toBe(false);
    expect(matchesFilterPattern('{$.users != 1}', event)).toBe(false);
  });

  test('STRING wildcards: *Event matches PutEvent and GetEvent, Event* EventId and EventName, Ev*ent only Ev*ent', () => {
    // "Matching JSON Terms Using Metric Filters", STRING. The page gives the terms; the selector is ours.
    const m = (pattern: string, value: string) => matchesFilterPattern(`{ $.name = ${pattern} }`, { name: value });
    expect(['PutEvent', 'GetEvent', 'EventId'].map((v) => m('*Event', v))).toEqual([true, true, false]);
    expect(['EventId', 'EventName', 'PutEvent'].map((v) => m('Event*', v))).toEqual([true, true, false]);
    expect(['Ev*ent', 'Event', 'EvXent'].map((v) => m('Ev*ent', v))).toEqual([true, false, false]);
    expect(['Ev*ent', 'Event'].map((v) => m('"Ev*ent"', v))).toEqual([true, false]);
  });

  // "Numeric Comparisons" > "Examples": the page lists the patterns only; each event here is ours,
  // one on each side of the bound.
  test.each([
    ['{ $.latency >= 500 }', { latency: 500 }, { latency: 499 }],
    ['{ $.numbers[0] < 10e3 }', { numbers: [9999] }, { numbers: [10000] }],
    ['{ $.numbers[0] < 10e-3 }', { numbers: [0.009] }, { numbers: [0.01] }],
    ['{ $.processes[4].averageRuntime <= 55.5 }', { processes: [{}, {}, {}, {}, { averageRuntime: 55.5 }] }, { processes: [{}, {}, {}, {}, { averageRuntime: 55.6 }] }],
    ['{ $.errorCode = 400 }', { errorCode: 400 }, { errorCode: 401 }],
    ['{ $.errorCode != 500 }', { errorCode: 400 }, { errorCode: 500 }],
    ['{ $.latency > +1000 }', { latency: 1001 }, { latency: 1000 }],
  ])('Numeric Comparisons: %s', (pattern, matching, notMatching) => {
    expect(matchesFilterPattern(pattern, matching)).toBe(true);
    expect(matchesFilterPattern(pattern, notMatching)).toBe(false);
  });

  test('Publishing Numerical Values Found in Log Entries: { $.latency = * } matches any latency, not its absence', () => {
    expect(matchesFilterPattern('{ $.latency = * }', { latency: 42 })).toBe(true);
    expect(matchesFilterPattern('{ $.latency = * }', { other: 42 })).toBe(false);
  });
});

describe('what the evaluator refuses instead of guessing', () => {
  // Syntax from the same page that the evaluator does not implement: each throws.
  test.each([
    ['ERROR', 'a term pattern ("Matching Terms in Log Events")'],
    ['?ERROR ?WARN', 'OR of terms ("OR Pattern Matching")'],
    ['[ip, user, username, timestamp, request, status_code = 4*, bytes]', 'a space-delimited pattern'],
    ['{ $.message = %bind% }', 'a regular expression'],
    ['{ $.latency EXISTS }', 'EXISTS'],
    ["{ $.['cluster.name'] = c }", 'a bracketed key'],
    ['{ $.latency > fast }', 'a relational operator on a string'],
    ['{ $.a = 1 && }', 'a dangling &&'],
    ['{ ($.a = 1 }', 'an unclosed parenthesis'],
    ['{ $.a IS MAYBE }', 'IS with something other than NULL, TRUE or FALSE'],
  ])('%s (%s)', (pattern) => {
    expect(() => matchesFilterPattern(pattern, {})).toThrow();
  });

  test('a JSON pattern never matches an event that is not JSON', () => {
    expect(matchesFilterPattern('{ $.latency = * }', '[ERROR] latency=5')).toBe(false);
    expect(matchesFilterPattern('{ $.latency NOT EXISTS }', '[ERROR] latency=5')).toBe(false);
  });
});
