/// The adjoints of two of ``WinogradTransforms``' transforms, for the weight gradient of F(2x2, 3x3)
/// (Lavin & Gray 2016).
///
/// With Y = Aᵀ [U ⊙ V] A per tile and U = G g Gᵀ, the chain rule gives per tile
///
///     dM = A dY Aᵀ        (4x4, from the 2x2 output gradient tile; zero where the tile hangs over the edge)
///     dU = Σ_tiles dM ⊙ V (summed over tiles and images: 16 matrix products dU[ξ] (O, C) = dM[ξ] (O, T) · V[ξ]ᵀ)
///     dg = Gᵀ dU G        (3x3)
///
/// so the weight gradient takes 2.25 times fewer multiplications than im2col's dY · Xᵀ as well.
enum WinogradGradientTransforms {
    /// dM[ξ][o][t] = (A dy Aᵀ)[ξ] for every 2x2 tile dy of one output-gradient plane: tile t = `ty·tilesWide + tx`
    /// covers rows 2·ty, 2·ty + 1 and columns 2·tx, 2·tx + 1, zero outside the plane.
    ///
    /// - Parameters:
    ///   - plane: one plane of dY, (H', W').
    ///   - transformed: dM[0][o][first tile]; dM[ξ] starts `ξ·matrixStride` further on.
    ///   - scratch: at least ``scratchCount(tilesWide:)`` elements.
    /// - Complexity: O(H'·W').
    static func transformOutputGradient(
        _ plane: UnsafePointer<Float>, height: Int, width: Int, tilesHigh: Int, tilesWide: Int,
        into transformed: UnsafeMutablePointer<Float>, matrixStride: Int, scratch: UnsafeMutablePointer<Float>
    ) {
        let length = 2 * ((tilesWide + 7) / 8 * 8)
        let rows = scratch  // two rows of `length`, zero past the plane's width
        rows.initialize(repeating: 0, count: 2 * length)
        for ty in 0..<tilesHigh {
            for k in 0..<2 {
                let row = 2 * ty + k
                if row < height {
                    Im2Col.copy(plane + row * width, to: rows + k * length, count: width)
                } else {
                    (rows + k * length).update(repeating: 0, count: length)  // the last tile row of an odd plane
                }
            }
            let tiles = transformed + ty * tilesWide
            var tx = 0
            while tx + 8 <= tilesWide {
                let top = UnsafeRawPointer(rows + 2 * tx).loadUnaligned(as: SIMD16<Float>.self)
                let bottom = UnsafeRawPointer(rows + length + 2 * tx).loadUnaligned(as: SIMD16<Float>.self)
                storeTile(
                    top.evenHalf, top.oddHalf, bottom.evenHalf, bottom.oddHalf, at: tiles + tx,
                    matrixStride: matrixStride)
                tx += 8
            }
            while tx + 4 <= tilesWide {
                let top = UnsafeRawPointer(rows + 2 * tx).loadUnaligned(as: SIMD8<Float>.self)
                let bottom = UnsafeRawPointer(rows + length + 2 * tx).loadUnaligned(as: SIMD8<Float>.self)
                storeTile(
                    top.evenHalf, top.oddHalf, bottom.evenHalf, bottom.oddHalf, at: tiles + tx,
                    matrixStride: matrixStride)
                tx += 4
            }
            while tx < tilesWide {
                storeTile(
                    SIMD2(repeating: rows[2 * tx]), SIMD2(repeating: rows[2 * tx + 1]),
                    SIMD2(repeating: rows[length + 2 * tx]), SIMD2(repeating: rows[length + 2 * tx + 1]),
                    at: tiles + tx, matrixStride: matrixStride, lanes: 1)
                tx += 1
            }
        }
    }

    /// The scratch ``transformOutputGradient`` needs for `tilesWide` tiles per row.
    static func scratchCount(tilesWide: Int) -> Int { 4 * ((tilesWide + 7) / 8 * 8) }

    /// Writes A dy Aᵀ of neighbouring tiles (dy00, dy01, dy10, dy11, one lane per tile) to the 16 matrices.
    @inline(__always)
    private static func storeTile<Lanes: SIMD>(
        _ y00: Lanes, _ y01: Lanes, _ y10: Lanes, _ y11: Lanes, at tiles: UnsafeMutablePointer<Float>,
        matrixStride: Int, lanes: Int = Lanes.scalarCount
    ) where Lanes.Scalar == Float {
        // A dy: rows dy0, dy0 + dy1, dy0 − dy1, −dy1, each a pair of columns.
        storeRow(y00, y01, at: tiles, matrixStride: matrixStride, lanes: lanes)
        storeRow(y00 + y10, y01 + y11, at: tiles + 4 * matrixStride, matrixStride: matrixStride, lanes: lanes)
        storeRow(y00 - y10, y01 - y11, at: tiles + 8 * matrixStride, matrixStride: matrixStride, lanes: lanes)
        storeRow(-y10, -y11, at: tiles + 12 * matrixStride, matrixStride: matrixStride, lanes: lanes)
    }

    /// (A dy) Aᵀ for one row (c0, c1): c0, c0 + c1, c0 − c1, −c1.
    @inline(__always)
    private static func storeRow<Lanes: SIMD>(
        _ c0: Lanes, _ c1: Lanes, at row: UnsafeMutablePointer<Float>, matrixStride: Int, lanes: Int
    ) where Lanes.Scalar == Float {
        store(c0, at: row, lanes: lanes)
        store(c0 + c1, at: row + matrixStride, lanes: lanes)
        store(c0 - c1, at: row + 2 * matrixStride, lanes: lanes)
        store(-c1, at: row + 3 * matrixStride, lanes: lanes)
    }

    @inline(__always)
    private static func store<Lanes: SIMD>(_ value: Lanes, at pointer: UnsafeMutablePointer<Float>, lanes: Int)
    where Lanes.Scalar == Float {
        if lanes == Lanes.scalarCount {
            UnsafeMutableRawPointer(pointer).storeBytes(of: value, as: Lanes.self)
        } else {
            for lane in 0..<lanes { pointer[lane] = value[lane] }
        }
    }

    /// dW = Gᵀ dU G for every filter: the weight gradient (O, C, 3, 3) from dU (16, O, C).
    ///
    /// - Complexity: O(O·C).
    static func weightGradient(
        from transformed: UnsafePointer<Float>, outputChannels: Int, channels: Int,
        into weightGradient: UnsafeMutablePointer<Float>
    ) {
        let matrixCount = outputChannels * channels
        for index in 0..<matrixCount {
            @inline(__always) func u(_ i: Int) -> SIMD4<Float> {
                let row = transformed + 4 * i * matrixCount + index
                return SIMD4(row[0], row[matrixCount], row[2 * matrixCount], row[3 * matrixCount])
            }
            // Gᵀ dU: 3x4, rows u0 + (u1 + u2)/2, (u1 − u2)/2, (u1 + u2)/2 + u3.
            let u1 = u(1), u2 = u(2)
            let half = 0.5 * (u1 + u2)
            let rows = (u(0) + half, 0.5 * (u1 - u2), half + u(3))
            let g = weightGradient + index * 9
            // (Gᵀ dU) G: the same along each row.
            @inline(__always) func write(_ r: SIMD4<Float>, row kh: Int) {
                g[3 * kh] = r[0] + 0.5 * (r[1] + r[2])
                g[3 * kh + 1] = 0.5 * (r[1] - r[2])
                g[3 * kh + 2] = 0.5 * (r[1] + r[2]) + r[3]
            }
            write(rows.0, row: 0)
            write(rows.1, row: 1)
            write(rows.2, row: 2)
        }
    }
}
