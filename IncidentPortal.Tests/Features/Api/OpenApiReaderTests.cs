using IncidentPortal.Features.Api.Docs;

namespace IncidentPortal.Tests.Features.Api;

/// <summary>The docs page's reading of OpenAPI 3.1 as ASP.NET Core writes it (nullable unions, number-or-string, $refs).</summary>
public sealed class OpenApiReaderTests
{
    private const string Document = """
    {
      "openapi": "3.1.1",
      "info": { "title": "Test API", "description": "About it" },
      "paths": {
        "/api/v1/things": {
          "get": {
            "tags": ["Things"], "summary": "List things", "operationId": "listThings",
            "parameters": [
              { "name": "status", "in": "query", "description": "Filter", "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Colour" } } },
              { "name": "page", "in": "query", "schema": { "pattern": "^-?(?:0|[1-9]\\d*)$", "type": ["integer", "string"], "format": "int32" } }
            ],
            "responses": { "200": { "description": "OK", "content": { "application/json": { "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Thing" } } } } } }
          },
          "post": {
            "tags": ["Things"], "summary": "Make a thing",
            "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/Thing" } } } },
            "responses": { "422": { "description": "Unprocessable" }, "201": { "description": "Created" } }
          }
        },
        "/api/v1/things/{id}": { "get": { "summary": "Get", "parameters": [ { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } } ], "responses": {} } }
      },
      "components": { "schemas": {
        "Colour": { "enum": ["Red", "Green"] },
        "Thing": { "required": ["name"], "type": "object", "properties": {
          "name": { "type": "string", "description": "What it is" },
          "colour": { "oneOf": [ { "type": "null" }, { "$ref": "#/components/schemas/Colour" } ] },
          "when": { "type": ["null", "string"], "format": "date-time" } } }
      } }
    }
    """;

    [Fact]
    public void Operations_are_grouped_by_tag_with_parameters_bodies_and_responses()
    {
        var api = OpenApiReader.Read(Document);

        Assert.Equal(("Test API", "About it", 3), (api.Title, api.Description, api.OperationCount));
        var things = Assert.Single(api.Groups, g => g.Tag == "Things").Operations;
        var list = things[0];
        Assert.Equal(("listThings", "GET", "/api/v1/things", "List things", true), (list.Id, list.Method, list.Path, list.Summary, list.CanTry));
        Assert.Equal(("status", "query", "Colour[]"), (list.Parameters[0].Name, list.Parameters[0].In, list.Parameters[0].Type));
        Assert.Equal(["Red", "Green"], list.Parameters[0].Values);
        Assert.Equal("integer", list.Parameters[1].Type);
        Assert.Equal("Thing[]", Assert.Single(list.Responses).Schema);
        var post = things[1];
        Assert.Equal(("Thing", false), (post.RequestSchema, post.CanTry));
        Assert.Equal(["201", "422"], post.Responses.Select(r => r.Status));
        Assert.Equal("Other", Assert.Single(api.Groups, g => g.Operations.Any(o => o.Path.EndsWith("{id}"))).Tag);
    }

    [Fact]
    public void Schemas_show_fields_with_nullable_unions_unwrapped_and_enums_with_values()
    {
        var api = OpenApiReader.Read(Document);
        var thing = api.Schemas["Thing"];

        Assert.Equal(["name: string required", "colour: Colour null", "when: date-time null"],
            thing.Fields.Select(f => $"{f.Name}: {f.Type}{(f.Required ? " required" : "")}{(f.Nullable ? " null" : "")}"));
        Assert.Equal("What it is", thing.Fields[0].Description);
        Assert.Equal(["Red", "Green"], api.Schemas["Colour"].Values);
    }

    [Fact]
    public void Try_it_urls_fill_the_path_and_repeat_list_parameters()
    {
        var api = OpenApiReader.Read(Document);
        var list = api.Groups[0].Operations[0];
        var get = api.Groups.SelectMany(g => g.Operations).Single(o => o.Path.EndsWith("{id}"));

        Assert.Equal("/api/v1/things?status=Red&status=Green&page=2",
            ApiRequestUrl.Build(list, new Dictionary<string, string?> { ["status"] = "Red, Green", ["page"] = " 2 " }));
        Assert.Equal("/api/v1/things", ApiRequestUrl.Build(list, new Dictionary<string, string?> { ["status"] = "" }));
        Assert.Equal("/api/v1/things/INC%20000%2F1", ApiRequestUrl.Build(get, new Dictionary<string, string?> { ["id"] = "INC 000/1" }));
    }
}
