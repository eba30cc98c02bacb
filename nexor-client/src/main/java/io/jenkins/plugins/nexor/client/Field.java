package io.jenkins.plugins.nexor.client;

/**
 * Every input a problem can be about: the fields of {@code POST /messages} and the client's configuration.
 * Each has the API's snake_case name and the camelCase name used by Java, Jenkins forms and Pipeline parameters.
 */
public enum Field {
    LEAD_ID("lead_id", "leadId"),
    WORKFLOW_ID("workflow_id", "workflowId"),
    CHANNEL("channel", "channel"),
    CONTENT("content", "content"),
    HTML("html", "html"),
    SUBJECT("subject", "subject"),
    TEMPLATE_ID("template_id", "templateId"),
    COMPONENTS("components", "components"),
    BEGIN_MESSAGE("begin_message", "beginMessage"),
    API_KEY("api_key", "apiKey"),
    BASE_URL("base_url", "baseUrl");

    private final String apiName;
    private final String propertyName;

    Field(String apiName, String propertyName) {
        this.apiName = apiName;
        this.propertyName = propertyName;
    }

    /** Name in Nexor's JSON, e.g. {@code lead_id}. */
    public String apiName() {
        return apiName;
    }

    /** Name in Java, Jenkins forms and Pipeline steps, e.g. {@code leadId}. */
    public String propertyName() {
        return propertyName;
    }
}
