// A sparse "units × values" count table, the common input of α and Fleiss' κ.
// Storing only the values a unit received keeps the work proportional to the data,
// not to units × distinct values.

export type UnitTable = {
  valueCount: number;
  // Unit u owns entries unitStart[u] .. unitStart[u + 1] - 1.
  unitStart: Int32Array;
  valueIds: Int32Array;
  counts: Float64Array;
};

// Token data repeats the same few unit shapes thousands of times; computing on the
// distinct shapes with weights makes α, κ and the bootstrap cheap on long texts.
export type CompressedUnitTable = {
  // One row per distinct unit (the same values with the same counts).
  types: UnitTable;
  // How many units share each type.
  weights: Float64Array;
  typeOfUnit: Int32Array;
};

export type UnitEntries = readonly (readonly [valueId: number, count: number])[];

export function getUnitCount(table: UnitTable): number {
  return table.unitStart.length - 1;
}

export function createUnitTable(valueCount: number, units: readonly UnitEntries[]): UnitTable {
  let entries = 0;
  for (const unit of units) {
    entries += unit.length;
  }

  const unitStart = new Int32Array(units.length + 1);
  const valueIds = new Int32Array(entries);
  const counts = new Float64Array(entries);
  let cursor = 0;

  units.forEach((unit, index) => {
    unitStart[index] = cursor;
    for (const [valueId, count] of unit) {
      if (!Number.isInteger(valueId) || valueId < 0 || valueId >= valueCount) {
        throw new RangeError(`Value id ${valueId} is outside 0 to ${valueCount - 1}.`);
      }
      if (count > 0) {
        valueIds[cursor] = valueId;
        counts[cursor] = count;
        cursor += 1;
      }
    }
  });
  unitStart[units.length] = cursor;

  return {
    valueCount,
    unitStart,
    valueIds: valueIds.subarray(0, cursor),
    counts: counts.subarray(0, cursor),
  };
}

export type UnitTypeBuilder = {
  // Records one unit; entries may come in any order. Returns the unit's type.
  add: (entries: UnitEntries) => number;
  // Records one more unit of a type returned by `add`, skipping the key lookup.
  repeat: (type: number) => void;
  build: () => CompressedUnitTable;
};

export function createUnitTypeBuilder(valueCount: number): UnitTypeBuilder {
  const typeIndex = new Map<string, number>();
  const typeUnits: UnitEntries[] = [];
  const weights: number[] = [];
  const typeOfUnit: number[] = [];

  function add(entries: UnitEntries): number {
    const sorted = entries
      .filter(([, count]) => count > 0)
      .sort((left, right) => left[0] - right[0]);
    const key = sorted.map(([valueId, count]) => `${valueId}:${count}`).join(",");

    let type = typeIndex.get(key);
    if (type === undefined) {
      type = typeUnits.length;
      typeIndex.set(key, type);
      typeUnits.push(sorted);
      weights.push(0);
    }

    weights[type] = weights[type]! + 1;
    typeOfUnit.push(type);
    return type;
  }

  function repeat(type: number): void {
    if (type < 0 || type >= weights.length) {
      throw new RangeError(`Unknown unit type ${type}.`);
    }
    weights[type] = weights[type]! + 1;
    typeOfUnit.push(type);
  }

  function build(): CompressedUnitTable {
    return {
      types: createUnitTable(valueCount, typeUnits),
      weights: Float64Array.from(weights),
      typeOfUnit: Int32Array.from(typeOfUnit),
    };
  }

  return { add, repeat, build };
}

export function compressUnitTable(table: UnitTable): CompressedUnitTable {
  const builder = createUnitTypeBuilder(table.valueCount);
  const unitCount = getUnitCount(table);

  for (let unit = 0; unit < unitCount; unit += 1) {
    const entries: [number, number][] = [];
    for (let entry = table.unitStart[unit]!; entry < table.unitStart[unit + 1]!; entry += 1) {
      entries.push([table.valueIds[entry]!, table.counts[entry]!]);
    }
    builder.add(entries);
  }

  return builder.build();
}

export function getUnitTotals(table: UnitTable): Float64Array {
  const unitCount = getUnitCount(table);
  const totals = new Float64Array(unitCount);

  for (let unit = 0; unit < unitCount; unit += 1) {
    for (let entry = table.unitStart[unit]!; entry < table.unitStart[unit + 1]!; entry += 1) {
      totals[unit] = totals[unit]! + table.counts[entry]!;
    }
  }

  return totals;
}
