package config

import (
	"fmt"
	"regexp"
	"strconv"

	"gopkg.in/yaml.v3"
)

// keyLines maps each line of a YAML file to the dotted key whose value is
// on it (limits.max_file_size), so that a decoding error, which yaml.v3
// reports by line, can name the key to fix.
func keyLines(raw []byte) map[int]string {
	var root yaml.Node
	if yaml.Unmarshal(raw, &root) != nil {
		return nil
	}
	out := map[int]string{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		switch n.Kind {
		case yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				p := k.Value
				if path != "" {
					p = path + "." + k.Value
				}
				out[k.Line] = p
				walk(v, p)
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				out[c.Line] = fmt.Sprintf("%s[%d]", path, i)
				walk(c, fmt.Sprintf("%s[%d]", path, i))
			}
		default:
			if path != "" {
				out[n.Line] = path
			}
		}
	}
	walk(&root, "")
	return out
}

var lineRef = regexp.MustCompile(`line (\d+): `)

// nameKeys puts the key in front of each "line N:" of a YAML error.
func nameKeys(msg string, keys map[int]string) string {
	return lineRef.ReplaceAllStringFunc(msg, func(m string) string {
		n, _ := strconv.Atoi(lineRef.FindStringSubmatch(m)[1])
		if k, ok := keys[n]; ok {
			return fmt.Sprintf("config key %s (line %d): ", k, n)
		}
		return m
	})
}
