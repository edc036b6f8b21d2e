export type PresetLabel = {
  key: string;
  name: string;
  description: string;
};

export type PresetDimension = {
  key: string;
  name: string;
  description: string;
  multiple: boolean;
  required: boolean;
  // Okabe–Ito colours: distinguishable with the common colour-vision deficiencies.
  color: string;
  labels: PresetLabel[];
};

export type CodebookPreset = {
  key: string;
  name: string;
  description: string;
  dimensions: PresetDimension[];
};
