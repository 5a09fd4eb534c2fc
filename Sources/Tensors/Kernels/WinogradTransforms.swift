/// The three transforms of Winograd's minimal filtering algorithm F(2x2, 3x3), after Lavin & Gray, "Fast
/// Algorithms for Convolutional Neural Networks" (CVPR 2016), section 4.1.
///
/// One 2x2 output tile Y of a 3x3 filter g over a 4x4 input tile d (cross-correlation) is
///
///     Y = Aᵀ [ (G g Gᵀ) ⊙ (Bᵀ d B) ] A
///
/// with
///
///     Bᵀ = | 1  0 −1  0 |      G = | 1    0    0   |      Aᵀ = | 1  1  1  0 |
///          | 0  1  1  0 |          | 1/2  1/2  1/2 |           | 0  1 −1 −1 |
///          | 0 −1  1  0 |          | 1/2 −1/2  1/2 |
///          | 0  1  0 −1 |          | 0    0    1   |
///
/// which is 16 multiplications per tile instead of 36. In a layer the element-wise product summed over input
/// channels becomes 16 matrix products, one per position ξ = 4·i + j of the 4x4 transformed tile:
/// `M[ξ] (O, T) = U[ξ] (O, C) · V[ξ] (C, T)`, where T counts the tiles. The transforms here produce U and V
/// in that layout and turn M back into output planes. Only additions (and halvings in G) are involved, so the
/// result differs from direct convolution by a few units in the last place of Float.
enum WinogradTransforms {
    /// Positions of a transformed tile (4x4).
    static let positions = 16

    /// U[ξ] = (G g Gᵀ)[ξ] for every filter: (16, O, C) from the weight (O, C, 3, 3).
    ///
    /// When `flipped`, transforms instead the filters of the transposed convolution that gives the input
    /// gradient, W'[c, o, kh, kw] = W[o, c, 2 − kh, 2 − kw], into (16, C, O).
    ///
    /// - Complexity: O(O·C).
    static func transformWeights(
        _ weight: UnsafePointer<Float>, outputChannels: Int, channels: Int, flipped: Bool,
        into transformed: UnsafeMutablePointer<Float>
    ) {
        let matrixCount = outputChannels * channels
        for o in 0..<outputChannels {
            for c in 0..<channels {
                let g = weight + (o * channels + c) * 9
                // The 3x3 filter, rotated by 180° when flipped.
                var f = (g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8])
                if flipped { f = (g[8], g[7], g[6], g[5], g[4], g[3], g[2], g[1], g[0]) }
                // G g: 4x3, one row per output row of G.
                let r0 = (f.0, f.1, f.2)
                let r1 = (0.5 * (f.0 + f.3 + f.6), 0.5 * (f.1 + f.4 + f.7), 0.5 * (f.2 + f.5 + f.8))
                let r2 = (0.5 * (f.0 - f.3 + f.6), 0.5 * (f.1 - f.4 + f.7), 0.5 * (f.2 - f.5 + f.8))
                let r3 = (f.6, f.7, f.8)
                let index = flipped ? c * outputChannels + o : o * channels + c
                // (G g) Gᵀ: the same combination along each row.
                @inline(__always) func write(_ row: (Float, Float, Float), _ i: Int) {
                    let u = transformed + 4 * i * matrixCount + index
                    u[0] = row.0
                    u[matrixCount] = 0.5 * (row.0 + row.1 + row.2)
                    u[2 * matrixCount] = 0.5 * (row.0 - row.1 + row.2)
                    u[3 * matrixCount] = row.2
                }
                write(r0, 0)
                write(r1, 1)
                write(r2, 2)
                write(r3, 3)
            }
        }
    }

    /// V[ξ][c][t] = (Bᵀ d B)[ξ] for every 4x4 input tile d of one plane: tile t = `firstTile + ty·tilesWide + tx`
    /// reads rows `2·ty − padding ..< 2·ty − padding + 4` and columns `2·tx − padding ..< 2·tx − padding + 4`,
    /// zero outside the plane.
    ///
    /// The plane is first copied into `padded`, a zero-bordered (``PaddedPlane``) copy from which every tile
    /// is read without bounds checks; four tiles at a time go through Bᵀ d B in registers. (An intermediate
    /// row of Bᵀ d written and read back at the odd offset of padding 1 stalled on store forwarding.)
    ///
    /// - Parameters:
    ///   - plane: one input plane, (H, W).
    ///   - transformed: V[0][c][firstTile]; V[ξ] starts `ξ·matrixStride` further on.
    ///   - padded: `layout.count` elements, zero outside rows and columns `padding ..< padding + H` (`+ W`):
    ///     only those are written here, so one zeroing serves every plane.
    /// - Complexity: O(H·W).
    static func transformInput(
        _ plane: UnsafePointer<Float>, height: Int, width: Int, padding: Int, tilesHigh: Int, tilesWide: Int,
        into transformed: UnsafeMutablePointer<Float>, matrixStride: Int,
        padded: UnsafeMutablePointer<Float>, layout: PaddedPlane
    ) {
        let columns = layout.columns
        for row in 0..<height {
            Im2Col.copy(plane + row * width, to: padded + (row + padding) * columns + padding, count: width)
        }
        for ty in 0..<tilesHigh {
            let top = UnsafePointer(padded + 2 * ty * columns)
            let tiles = transformed + ty * tilesWide
            var tx = 0
            while tx + 4 <= tilesWide {
                // Row k, columns 2·(tx + lane) + j for the four lanes.
                @inline(__always) func load(_ k: Int, _ offset: Int) -> SIMD8<Float> {
                    UnsafeRawPointer(top + k * columns + 2 * tx + offset).loadUnaligned(as: SIMD8<Float>.self)
                }
                let r0 = (load(0, 0), load(0, 2)), r1 = (load(1, 0), load(1, 2))
                let r2 = (load(2, 0), load(2, 2)), r3 = (load(3, 0), load(3, 2))
                transformTile(
                    { k, j in
                        let pair = k == 0 ? r0 : k == 1 ? r1 : k == 2 ? r2 : r3
                        let vector = j < 2 ? pair.0 : pair.1
                        return j % 2 == 0 ? vector.evenHalf : vector.oddHalf
                    },
                    { (position: Int, value: SIMD4<Float>) in
                        store(value, at: tiles + position * matrixStride + tx)
                    })
                tx += 4
            }
            while tx < tilesWide {
                // One tile in both lanes of a pair.
                transformTile(
                    { k, j in SIMD2(repeating: top[k * columns + 2 * tx + j]) },
                    { (position: Int, value: SIMD2<Float>) in tiles[position * matrixStride + tx] = value[0] })
                tx += 1
            }
        }
    }

    /// Bᵀ d B of one 4x4 tile (or of neighbouring tiles, one per lane): `d(k, j)` is row k, column j.
    @inline(__always)
    private static func transformTile<Value: SIMD>(
        _ d: (Int, Int) -> Value, _ store: (Int, Value) -> Void
    ) where Value.Scalar == Float {
        // Bᵀ d, column by column: rows d0 − d2, d1 + d2, d2 − d1, d1 − d3.
        @inline(__always) func rows(_ j: Int) -> (Value, Value, Value, Value) {
            let d0 = d(0, j), d1 = d(1, j), d2 = d(2, j), d3 = d(3, j)
            return (d0 - d2, d1 + d2, d2 - d1, d1 - d3)
        }
        let c0 = rows(0), c1 = rows(1), c2 = rows(2), c3 = rows(3)
        // (Bᵀ d) B: the same combination along each row i, to positions 4·i ..< 4·i + 4.
        @inline(__always) func combine(_ i: Int, _ a0: Value, _ a1: Value, _ a2: Value, _ a3: Value) {
            store(4 * i, a0 - a2)
            store(4 * i + 1, a1 + a2)
            store(4 * i + 2, a2 - a1)
            store(4 * i + 3, a1 - a3)
        }
        combine(0, c0.0, c1.0, c2.0, c3.0)
        combine(1, c0.1, c1.1, c2.1, c3.1)
        combine(2, c0.2, c1.2, c2.2, c3.2)
        combine(3, c0.3, c1.3, c2.3, c3.3)
    }

    /// The zero-bordered copy of an input plane that ``transformInput`` reads tiles from: 2·⌈H'/2⌉ + 2 rows
    /// and 2·tilesWide + 2 columns, rounded so that the vector loads of the last block of four tiles stay inside.
    struct PaddedPlane {
        let rows: Int
        let columns: Int
        var count: Int { rows * columns }

        init(tilesHigh: Int, tilesWide: Int) {
            rows = 2 * tilesHigh + 2
            columns = 2 * ((tilesWide + 3) / 4 * 4) + 8
        }
    }

    /// One output plane from M: the tile at `firstTile + ty·tilesWide + tx` of every M[ξ] gives
    /// output rows 2·ty, 2·ty + 1 and columns 2·tx, 2·tx + 1 (those inside the plane) as Aᵀ M A + bias.
    ///
    /// - Parameters:
    ///   - transformed: M[0][o][firstTile]; M[ξ] starts `ξ·matrixStride` further on.
    ///   - plane: one output plane, (H', W'), overwritten.
    ///   - scratch: at least ``outputScratchCount(tilesWide:)`` elements.
    /// - Complexity: O(H'·W').
    static func transformOutput(
        _ transformed: UnsafePointer<Float>, matrixStride: Int, bias: Float, tilesHigh: Int, tilesWide: Int,
        into plane: UnsafeMutablePointer<Float>, height: Int, width: Int, scratch: UnsafeMutablePointer<Float>
    ) {
        // Rows go straight into the plane when they are whole; the last, partial ones through the scratch.
        let evenWidth = width == 2 * tilesWide
        for ty in 0..<tilesHigh {
            let tiles = transformed + ty * tilesWide
            let whole = evenWidth && 2 * ty + 1 < height
            let row0 = whole ? plane + 2 * ty * width : scratch
            let row1 = whole ? row0 + width : scratch + 2 * tilesWide
            var tx = 0
            while tx + 8 <= tilesWide {
                let y = inverseTile(tiles + tx, matrixStride: matrixStride, bias: SIMD8(repeating: bias))
                store(interleave(y.0.lowHalf, y.1.lowHalf), at: row0 + 2 * tx)
                store(interleave(y.0.highHalf, y.1.highHalf), at: row0 + 2 * tx + 8)
                store(interleave(y.2.lowHalf, y.3.lowHalf), at: row1 + 2 * tx)
                store(interleave(y.2.highHalf, y.3.highHalf), at: row1 + 2 * tx + 8)
                tx += 8
            }
            while tx + 4 <= tilesWide {
                let y = inverseTile(tiles + tx, matrixStride: matrixStride, bias: SIMD4(repeating: bias))
                store(interleave(y.0, y.1), at: row0 + 2 * tx)
                store(interleave(y.2, y.3), at: row1 + 2 * tx)
                tx += 4
            }
            while tx < tilesWide {
                let y = inverseTile(tiles + tx, matrixStride: matrixStride, bias: SIMD2(repeating: bias))
                row0[2 * tx] = y.0[0]
                row0[2 * tx + 1] = y.1[0]
                row1[2 * tx] = y.2[0]
                row1[2 * tx + 1] = y.3[0]
                tx += 1
            }
            if !whole {
                Im2Col.copy(row0, to: plane + 2 * ty * width, count: width)
                if 2 * ty + 1 < height { Im2Col.copy(row1, to: plane + (2 * ty + 1) * width, count: width) }
            }
        }
    }

    /// (a0, b0, a1, b1, a2, b2, a3, b3).
    @inline(__always)
    static func interleave(_ a: SIMD4<Float>, _ b: SIMD4<Float>) -> SIMD8<Float> {
        SIMD8(a[0], b[0], a[1], b[1], a[2], b[2], a[3], b[3])
    }

    /// The scratch ``transformOutput`` needs for `tilesWide` tiles per row.
    static func outputScratchCount(tilesWide: Int) -> Int { 4 * tilesWide + 2 }

    /// Aᵀ M A + bias for `Lanes.scalarCount` neighbouring tiles: (y00, y01, y10, y11).
    @inline(__always)
    private static func inverseTile<Lanes: SIMD>(
        _ tiles: UnsafePointer<Float>, matrixStride: Int, bias: Lanes
    ) -> (Lanes, Lanes, Lanes, Lanes) where Lanes.Scalar == Float {
        let raw = UnsafeRawPointer(tiles)
        @inline(__always) func m(_ position: Int) -> Lanes {
            raw.loadUnaligned(fromByteOffset: 4 * position * matrixStride, as: Lanes.self)
        }
        // Aᵀ M: rows 0 + 1 + 2 and 1 − 2 − 3, column by column.
        let a0 = m(0) + m(4) + m(8), a1 = m(1) + m(5) + m(9)
        let a2 = m(2) + m(6) + m(10), a3 = m(3) + m(7) + m(11)
        let b0 = m(4) - m(8) - m(12), b1 = m(5) - m(9) - m(13)
        let b2 = m(6) - m(10) - m(14), b3 = m(7) - m(11) - m(15)
        // (Aᵀ M) A: the same along each row.
        return (
            a0 + a1 + a2 + bias, a1 - a2 - a3 + bias,
            b0 + b1 + b2 + bias, b1 - b2 - b3 + bias
        )
    }

    @inline(__always)
    static func store<Lanes: SIMD>(_ value: Lanes, at pointer: UnsafeMutablePointer<Float>)
    where Lanes.Scalar == Float {
        UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
    }
}
