// Size limits shared by forms, server actions and the API.
export const limits = {
  titleMax: 300,
  // About 150,000 words of English; enough for any article, small enough to render.
  textMaxChars: 1_000_000,
  commentMax: 5_000,
  nameMax: 100,
  workspaceNameMax: 100,
  passwordMin: 10,
  passwordMax: 200,
  emailMax: 254,
  urlMax: 2_000,
  metaMax: 200,
  labelsPerAnnotationMax: 50,
  // Request bodies for the annotation API; a quote can be long, but not megabytes.
  annotationBodyMaxBytes: 256 * 1024,
} as const;
