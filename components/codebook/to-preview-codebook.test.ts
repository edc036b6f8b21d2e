import { describe, expect, it } from "vitest";

import { toPreviewCodebook } from "./to-preview-codebook";

describe("toPreviewCodebook", () => {
  it("keeps passage dimensions in order, as the annotator reads them", () => {
    const preview = toPreviewCodebook({
      id: "cb1",
      workspaceId: "ws1",
      name: "Scheme",
      version: 3,
      dimensions: [
        {
          uid: "d0",
          key: "genre",
          name: "Genre",
          description: "",
          multiple: false,
          required: false,
          scope: "document",
          color: "#0072B2",
          labels: [{ uid: "l0", id: "saved0", key: "news", name: "News", description: "" }],
        },
        {
          uid: "d1",
          key: "tone",
          name: "Tone",
          description: "How it sounds",
          multiple: true,
          required: true,
          color: "#D55E00",
          labels: [
            {
              uid: "l1",
              id: "saved1",
              key: "calm",
              name: "Calm",
              description: "Even",
              examples: [" Quietly ", "", "Softly"],
            },
            {
              uid: "l2",
              id: null,
              key: "angry",
              name: "Angry",
              description: "",
              color: "#CC79A7",
              shortcut: "a",
            },
          ],
        },
      ],
    });

    expect(preview).toEqual({
      id: "cb1",
      workspaceId: "ws1",
      name: "Scheme",
      version: 3,
      dimensions: [
        {
          id: "d1",
          key: "tone",
          name: "Tone",
          description: "How it sounds",
          multiple: true,
          required: true,
          fieldType: "LABELS",
          labels: [
            {
              id: "saved1",
              key: "calm",
              name: "Calm",
              description: "Even",
              color: "#D55E00",
              examples: ["Quietly", "Softly"],
              shortcut: null,
              rating: null,
            },
            {
              id: "l2",
              key: "angry",
              name: "Angry",
              description: "",
              color: "#CC79A7",
              examples: [],
              shortcut: "a",
              rating: null,
            },
          ],
        },
      ],
    });
  });

  it("passes the field type, shortcuts and ratings the popover uses", () => {
    const preview = toPreviewCodebook({
      id: "cb1",
      workspaceId: "ws1",
      name: "Scheme",
      version: 1,
      dimensions: [
        {
          uid: "d1",
          key: "source",
          name: "Source",
          description: "",
          multiple: false,
          required: false,
          fieldType: "link",
          color: "#0072B2",
          labels: [{ uid: "l1", id: null, key: "named", name: "Named", description: "", rating: 2 }],
        },
      ],
    });
    expect(preview.dimensions[0]?.fieldType).toBe("LINK");
    expect(preview.dimensions[0]?.labels[0]?.rating).toBe(2);
  });
});
