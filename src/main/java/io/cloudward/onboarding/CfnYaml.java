package io.cloudward.onboarding;

import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Loads a CloudFormation YAML template into plain maps and lists. The short-form tags become the long
 * form CloudFormation defines: {@code !Ref X} is {@code {Ref: X}}, {@code !GetAtt A.B} is
 * {@code {Fn::GetAtt: [A, B]}}, {@code !Condition C} is {@code {Condition: C}}, and any other
 * {@code !Name v} is {@code {Fn::Name: v}}. Only plain data is constructed (no Java types).
 */
final class CfnYaml {

    private CfnYaml() {
    }

    /** The template as maps, lists and scalars. */
    static Object load(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        try {
            return new Yaml(new CfnConstructor(options)).load(text);
        } catch (YAMLException e) {
            throw new IllegalArgumentException("not a readable template: " + e.getMessage(), e);
        }
    }

    private static final class CfnConstructor extends SafeConstructor {

        CfnConstructor(LoaderOptions options) {
            super(options);
            // Tags SnakeYAML does not know (all of CloudFormation's) come here.
            yamlConstructors.put(null, new ConstructShortForm());
        }

        private final class ConstructShortForm extends AbstractConstruct {
            @Override
            public Object construct(Node node) {
                String tag = node.getTag().getValue();
                if (!tag.startsWith("!") || tag.length() < 2) {
                    throw new IllegalArgumentException("unsupported tag " + tag + node.getStartMark());
                }
                String name = tag.substring(1);
                Object value = switch (node) {
                    case ScalarNode scalar -> constructScalar(scalar);
                    case SequenceNode sequence -> constructSequence(sequence);
                    case MappingNode mapping -> constructMapping(mapping);
                    default -> throw new IllegalArgumentException("unsupported node for " + tag + node.getStartMark());
                };
                return switch (name) {
                    case "Ref", "Condition" -> Map.of(name, value);
                    case "GetAtt" -> Map.of("Fn::GetAtt",
                            value instanceof String dotted ? List.of(dotted.split("\\.", 2)) : value);
                    default -> Map.of("Fn::" + name, value);
                };
            }
        }
    }
}
