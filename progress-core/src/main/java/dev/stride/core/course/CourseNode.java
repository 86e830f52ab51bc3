package dev.stride.core.course;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * A node of a course hierarchy: with children it is a unit, without it is a leaf content;
 * {@code maxScore} marks an assessment; {@code optional} leaves (or every leaf under an optional unit)
 * do not count toward completion.
 */
public record CourseNode(String identifier, String name, String mimeType, List<CourseNode> children,
                         boolean optional, Double maxScore) {

    public static final String COLLECTION_MIME_TYPE = "application/vnd.ekstep.content-collection";

    public CourseNode {
        children = children == null ? List.of() : List.copyOf(children);
    }

    /** For JSON: absent {@code children} / {@code optional} mean none / false. */
    @JsonCreator
    static CourseNode fromJson(@JsonProperty("identifier") String identifier,
                               @JsonProperty("name") String name,
                               @JsonProperty("mimeType") String mimeType,
                               @JsonProperty("children") List<CourseNode> children,
                               @JsonProperty("optional") Boolean optional,
                               @JsonProperty("maxScore") Double maxScore) {
        return new CourseNode(identifier, name, mimeType, children, Boolean.TRUE.equals(optional), maxScore);
    }

    public static CourseNode leaf(String identifier) {
        return new CourseNode(identifier, null, null, List.of(), false, null);
    }

    public static CourseNode unit(String identifier, CourseNode... children) {
        return new CourseNode(identifier, null, COLLECTION_MIME_TYPE, List.of(children), false, null);
    }

    @JsonIgnore
    public boolean isLeaf() {
        return children.isEmpty();
    }

    @JsonIgnore
    public boolean isUnit() {
        return !children.isEmpty();
    }

    @JsonIgnore
    public boolean isAssessment() {
        return maxScore != null;
    }
}
