package dev.stride.core.course;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, indexed course hierarchy. The root is the course itself (identifier = course id); every other
 * node with children is a unit. Sets and maps iterate in depth-first (document) order.
 *
 * <p>A leaf is required unless it or one of its ancestors is optional. A content id that appears more than once
 * (which {@link CourseTreeValidator} rejects) is indexed once per occurrence, required if any occurrence is.
 */
public final class CourseTree {

    private final String courseId;
    private final String name;
    private final CourseNode root;
    private final Set<String> nodeIds;
    private final Set<String> leafIds;
    private final Set<String> requiredLeafIds;
    private final Map<String, Set<String>> unitRequiredLeaves;
    private final Map<String, Set<String>> unitsOfContent;
    private final Map<String, Double> assessmentMaxScores;

    private CourseTree(String courseId, String name, CourseNode root) {
        this.courseId = courseId;
        this.name = name;
        this.root = root;
        Index index = new Index();
        index.walk(root, false, new ArrayDeque<>(), true);
        this.nodeIds = Collections.unmodifiableSet(index.nodeIds);
        this.leafIds = Collections.unmodifiableSet(index.leafIds);
        this.requiredLeafIds = Collections.unmodifiableSet(index.requiredLeafIds);
        this.unitRequiredLeaves = freeze(index.unitRequiredLeaves);
        this.unitsOfContent = freeze(index.unitsOfContent);
        this.assessmentMaxScores = Collections.unmodifiableMap(index.assessmentMaxScores);
    }

    /** A tree whose root node is the course (its identifier is the course id, its name the course name). */
    public static CourseTree of(CourseNode root) {
        Objects.requireNonNull(root, "root");
        return new CourseTree(root.identifier(), root.name(), root);
    }

    /** A tree from {@code PUT /v1/course/hierarchy/{courseId}}: {@code request{name, children}}. */
    public static CourseTree of(String courseId, String name, List<CourseNode> children) {
        Objects.requireNonNull(courseId, "courseId");
        return of(new CourseNode(courseId, name, CourseNode.COLLECTION_MIME_TYPE, children, false, null));
    }

    public String courseId() {
        return courseId;
    }

    public String name() {
        return name;
    }

    public CourseNode root() {
        return root;
    }

    /** Every leaf content id, optional ones included (Sunbird's leafNodes before removing optional nodes). */
    public Set<String> leafIds() {
        return leafIds;
    }

    /** The leaves that count toward completion; its size is Sunbird's leafNodesCount. */
    public Set<String> requiredLeafIds() {
        return requiredLeafIds;
    }

    /** For every unit at any depth (the root excluded: that is {@link #requiredLeafIds()}), its required leaves. */
    public Map<String, Set<String>> unitRequiredLeaves() {
        return unitRequiredLeaves;
    }

    /** The units (outermost first, root excluded) containing the given content; empty if none or unknown. */
    public Set<String> unitsOf(String contentId) {
        return unitsOfContent.getOrDefault(contentId, Set.of());
    }

    /** Assessment content id → its maxScore. */
    public Map<String, Double> assessmentMaxScores() {
        return assessmentMaxScores;
    }

    /** Whether any node of the tree (the course, a unit or a leaf) has this identifier. */
    public boolean contains(String contentId) {
        return nodeIds.contains(contentId);
    }

    public boolean isLeaf(String contentId) {
        return leafIds.contains(contentId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CourseTree t && root.equals(t.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    @Override
    public String toString() {
        return "CourseTree[" + courseId + ", leaves=" + leafIds.size() + ", required=" + requiredLeafIds.size() + "]";
    }

    private static Map<String, Set<String>> freeze(Map<String, Set<String>> m) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, Collections.unmodifiableSet(v)));
        return Collections.unmodifiableMap(out);
    }

    private static final class Index {
        final Set<String> nodeIds = new LinkedHashSet<>();
        final Set<String> leafIds = new LinkedHashSet<>();
        final Set<String> requiredLeafIds = new LinkedHashSet<>();
        final Map<String, Set<String>> unitRequiredLeaves = new LinkedHashMap<>();
        final Map<String, Set<String>> unitsOfContent = new LinkedHashMap<>();
        final Map<String, Double> assessmentMaxScores = new LinkedHashMap<>();

        void walk(CourseNode node, boolean optionalAbove, Deque<String> units, boolean isRoot) {
            String id = node.identifier();
            boolean optional = optionalAbove || node.optional();
            nodeIds.add(id);
            if (!units.isEmpty()) {
                unitsOfContent.computeIfAbsent(id, k -> new LinkedHashSet<>()).addAll(reversed(units));
            }
            if (node.isLeaf()) {
                leafIds.add(id);
                if (!optional) {
                    requiredLeafIds.add(id);
                    for (String unit : units) {
                        unitRequiredLeaves.get(unit).add(id);
                    }
                }
                if (node.maxScore() != null) {
                    assessmentMaxScores.putIfAbsent(id, node.maxScore());
                }
                return;
            }
            if (!isRoot) {
                unitRequiredLeaves.computeIfAbsent(id, k -> new LinkedHashSet<>());
                units.push(id);
            }
            for (CourseNode child : node.children()) {
                walk(child, optional, units, false);
            }
            if (!isRoot) {
                units.pop();
            }
        }

        private static List<String> reversed(Deque<String> stack) {
            List<String> outerFirst = new ArrayList<>(stack);
            Collections.reverse(outerFirst);
            return outerFirst;
        }
    }
}
