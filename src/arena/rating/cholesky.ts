// Solves the small symmetric positive-definite systems of the Newton steps (Cholesky, in place).

/**
 * Solves A·x = b for a symmetric positive-definite `a` (n×n, row-major; overwritten by its Cholesky
 * factor) and writes x into `b`. Throws when `a` is not positive definite, which the prior rules out.
 */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): void {
  for (let j = 0; j < n; j += 1) {
    let diagonal = a[j * n + j]!;
    for (let k = 0; k < j; k += 1) diagonal -= a[j * n + k]! ** 2;
    if (!(diagonal > 0)) throw new Error('Newton step: the matrix is not positive definite');
    const root = Math.sqrt(diagonal);
    a[j * n + j] = root;
    for (let i = j + 1; i < n; i += 1) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k += 1) sum -= a[i * n + k]! * a[j * n + k]!;
      a[i * n + j] = sum / root;
    }
  }
  for (let i = 0; i < n; i += 1) {
    let sum = b[i]!;
    for (let k = 0; k < i; k += 1) sum -= a[i * n + k]! * b[k]!;
    b[i] = sum / a[i * n + i]!;
  }
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = b[i]!;
    for (let k = i + 1; k < n; k += 1) sum -= a[k * n + i]! * b[k]!;
    b[i] = sum / a[i * n + i]!;
  }
}
