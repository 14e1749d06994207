import { z } from 'zod';

/**
 * The subset of the Tiled JSON map format (.tmj) the hospital reads: tile layers for floors and
 * walls, object layers for rooms and spots. Anything else Tiled writes is allowed and ignored.
 */
export const TiledProperty = z.object({
  name: z.string(),
  type: z.string().optional(),
  value: z.union([z.string(), z.number(), z.boolean()]),
});

export const TiledObject = z.object({
  id: z.number().int(),
  name: z.string().default(''),
  type: z.string().default(''),
  x: z.number(),
  y: z.number(),
  width: z.number().default(0),
  height: z.number().default(0),
  point: z.boolean().optional(),
  properties: z.array(TiledProperty).default([]),
});
export type TiledObject = z.infer<typeof TiledObject>;

export const TiledTileLayer = z.object({
  type: z.literal('tilelayer'),
  name: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  data: z.array(z.number().int().nonnegative()),
});

export const TiledObjectLayer = z.object({
  type: z.literal('objectgroup'),
  name: z.string(),
  objects: z.array(TiledObject),
});

export const TiledMap = z.object({
  type: z.literal('map'),
  orientation: z.literal('orthogonal'),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  tilewidth: z.number().int().positive(),
  tileheight: z.number().int().positive(),
  layers: z.array(
    z.discriminatedUnion('type', [
      TiledTileLayer,
      TiledObjectLayer,
      z.object({ type: z.literal('imagelayer') }).passthrough(),
      z.object({ type: z.literal('group') }).passthrough(),
    ]),
  ),
});
export type TiledMap = z.infer<typeof TiledMap>;
