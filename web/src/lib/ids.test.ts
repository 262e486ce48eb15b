import { describe, expect, it } from 'vitest';
import { assetLink, atLeast, datasetOfColumn, encodeId, segments, shortName, typeOf, unquote } from './ids';

describe('identifiers', () => {
  it('splits qualified names at dots outside quotes', () => {
    expect(segments('demo."Sales"."Order Items".id')).toEqual(['demo', '"Sales"', '"Order Items"', 'id']);
    expect(segments('demo."a.b""c".x')).toEqual(['demo', '"a.b""c"', 'x']);
    expect(unquote('"a.b""c"')).toBe('a.b"c');
  });

  it('reads type, short name and a column dataset', () => {
    expect(typeOf('column:demo.retail.orders.order_id')).toBe('column');
    expect(shortName('column:demo.retail.orders.order_id')).toBe('order_id');
    expect(shortName('term:Gross Merchandise Value')).toBe('Gross Merchandise Value');
    expect(datasetOfColumn('column:demo."Sales"."Order Items".id')).toBe('demo."Sales"."Order Items"');
    expect(datasetOfColumn('table:demo.retail.orders')).toBeNull();
  });

  it('encodes an identifier as one path segment and links metrics to the marketplace', () => {
    expect(encodeId('table:demo.retail.orders')).toBe('table%3Ademo.retail.orders');
    expect(encodeId('term:Gross Merchandise Value')).toBe('term%3AGross%20Merchandise%20Value');
    expect(assetLink('metric:gmv')).toBe('/metrics/gmv');
    expect(assetLink('table:demo.retail.orders')).toBe('/asset/table%3Ademo.retail.orders');
  });

  it('orders roles viewer < analyst < steward < admin', () => {
    expect(atLeast('steward', 'analyst')).toBe(true);
    expect(atLeast('analyst', 'steward')).toBe(false);
    expect(atLeast('admin', 'admin')).toBe(true);
    expect(atLeast(undefined, 'viewer')).toBe(false);
    expect(atLeast('nobody', 'viewer')).toBe(false);
  });
});
